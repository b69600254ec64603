#!/usr/bin/env python3
"""Signs in the benchmark users through the API and writes what the wrk scripts need.

For each signed-in user, the ids it may use are chosen by running the selects under that user's own row-level
security (role authenticated + its JWT claims), exactly as the service would: prescriptions and patients it can
read, patients of its own organisation (updates, new prescriptions), colleagues it can write to, and last-name
prefixes of its patients. Output (in --out): mix-data.lua, search-data.lua and users.json (claims for the plans).
Standard library only.
"""
import argparse
import base64
import json
import os
import random
import subprocess
import sys
import urllib.parse
import urllib.request

PASSWORD = "Demo-Password-2026"


def sign_in(http_port, email):
    request = urllib.request.Request(
        f"http://localhost:{http_port}/auth/v1/token?grant_type=password",
        data=json.dumps({"email": email, "password": PASSWORD}).encode(),
        headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        token = json.load(response)["access_token"]
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return token, claims


def psql(pg_port, sql):
    result = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-d", "postgres",
                             "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"],
                            input=sql, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"psql failed: {result.stderr.strip()}")
    return result.stdout.strip()


def literal(text):
    return "'" + text.replace("'", "''") + "'"


def as_user(pg_port, claims, query):
    """Runs one query that returns a single json value, under the user's row-level security."""
    out = psql(pg_port, f"""begin;
set local role authenticated;
set local "request.jwt.claims" = {literal(json.dumps(claims))};
{query};
rollback;
""")
    return json.loads(out) if out else None


def ids_for(pg_port, claims, org_id, user_id, sample):
    return as_user(pg_port, claims, f"""
select json_build_object(
  'rx', (select coalesce(json_agg(id), '[]') from (select id from prescriptions where deleted_at is null order by random() limit {sample}) s),
  'pat', (select coalesce(json_agg(id), '[]') from (select id from patients where deleted_at is null order by random() limit {sample}) s),
  'own', (select coalesce(json_agg(id), '[]') from (select id from patients where deleted_at is null and is_active
                                                     and org_id = {literal(org_id)} order by random() limit {sample}) s),
  'peers', (select coalesce(json_agg(id), '[]') from (select id from users where org_id = {literal(org_id)} and is_active
                                                       and id <> {literal(user_id)} order by email limit 20) s),
  'names', (select coalesce(json_agg(p), '[]') from (select distinct initcap(left(last_name, 3)) as p from
            (select last_name from patients where deleted_at is null order by random() limit 200) s) n))""")


def lua_string(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lua_list(values):
    return "{" + ",".join(lua_string(v) for v in values) + "}"


def ndc_forms(ndc11):
    """The 5-4-2 form and every 10-digit form (4-4-2, 5-3-2, 5-4-1) that this 11-digit NDC can be written in."""
    labeler, product, package = ndc11[:5], ndc11[5:9], ndc11[9:]
    forms = [ndc11, f"{labeler}-{product}-{package}"]
    if labeler[0] == "0":
        forms += [f"{labeler[1:]}-{product}-{package}", labeler[1:] + product + package]
    if product[0] == "0":
        forms.append(f"{labeler}-{product[1:]}-{package}")
    if package[0] == "0":
        forms.append(f"{labeler}-{product}-{package[1:]}")
    return forms


NAME_TERMS = ["oxy", "oxycod", "hydroc", "hydrocodone", "alpraz", "loraz", "clonaz", "diaz", "tram", "morph", "fent",
              "bupren", "methad", "codeine", "tapent", "nalox", "metf", "warf", "atorv", "simva", "lisin", "losar",
              "amlod", "sertr", "fluox", "citalo", "gabap", "omepr", "predn", "amox", "ibupr", "acetam", "levoth",
              "metop", "zolp", "temaz", "ami", "me", "hydrocodone bitartrate", "oxycodone hydrochloride 5"]
MISSPELT_TERMS = ["oxycodne", "oxicodone", "hydrocodon", "hidrocodone", "alprazolm", "alprazolan", "lorazapam", "clonazepan",
                  "diazepan", "tramadole", "morfine", "fentanil", "buprenorfine", "metformine", "metforman", "warfarine",
                  "atorvastatine", "simvastatine", "lisinoprill", "gabapentine", "seretraline", "fluoxetin", "omeprazol",
                  "prednisolone", "amoxicilin", "ibuprofin", "acetaminophin", "levothyroxin", "metoprolol tartrat"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--pg-port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--orgs", type=int, default=3, help="signed-in pharmacies and clinics (each)")
    parser.add_argument("--sample", type=int, default=300, help="ids pre-selected per user and kind")
    args = parser.parse_args()
    random.seed(42)

    emails = []
    for n in range(args.orgs):
        pharmacy, clinic = f"{2 * n + 1:02d}", f"{2 * n + 2:02d}"
        emails += [f"bench.{pharmacy}.pharmacist1@bench.rx", f"bench.{pharmacy}.technician1@bench.rx",
                   f"bench.{clinic}.physician1@bench.rx", f"bench.{clinic}.physician2@bench.rx"]
    users = []
    for email in emails:
        token, claims = sign_in(args.http_port, email)
        meta = claims.get("app_metadata", {})
        user = {"email": email, "id": claims["sub"], "role": meta.get("rx_role"), "org": meta.get("org_id"),
                "token": token, "claims": claims}
        user.update(ids_for(args.pg_port, claims, user["org"], user["id"], args.sample))
        if not user["rx"] or not user["pat"] or not user["peers"]:
            sys.exit(f"{email}: no visible prescriptions, patients or colleagues; was the data generated?")
        users.append(user)
        print(f"  signed in {email} ({user['role']}): {len(user['rx'])} prescriptions, {len(user['pat'])} patients, "
              f"{len(user['own'])} own-organisation patients, {len(user['peers'])} colleagues")

    # The patient-role demo user: only for the communications "participant" list plan.
    _, patient_claims = sign_in(args.http_port, "patient@demo.rx")

    meds = json.loads(psql(args.pg_port, """select coalesce(json_agg(id), '[]') from medications
        where org_id is null and is_active and dea_schedule is null and tty in ('IN', 'SCD', 'SBD')"""))
    if not meds:
        sys.exit("no non-controlled reference products to prescribe")

    lines = ["-- generated by bench/clinical/prepare.py: signed-in users and the ids each may use", "return {", "users = {"]
    for u in users:
        lines.append("{" + f"email={lua_string(u['email'])}, role={lua_string(u['role'])}, "
                     f"auth={lua_string('Bearer ' + u['token'])}, rx={lua_list(u['rx'])}, pat={lua_list(u['pat'])}, "
                     f"own={lua_list(u['own'])}, peers={lua_list(u['peers'])}, names={lua_list(u['names'])}" + "},")
    lines += ["},", f"meds = {lua_list(meds)},", "}"]
    with open(os.path.join(args.out, "mix-data.lua"), "w") as f:
        f.write("\n".join(lines) + "\n")

    # Search: a pharmacist of the first pharmacy, so its own local products are searched too.
    searcher = users[0]
    ndcs = json.loads(psql(args.pg_port, f"""select coalesce(json_agg(ndc), '[]') from (
        (select ndc from medication_ndcs where org_id is null order by ndc)
        union all (select ndc from medication_ndcs where org_id = {literal(searcher['org'])} order by random() limit 12)) s"""))
    rxcuis = json.loads(psql(args.pg_port, """select coalesce(json_agg(rxcui), '[]') from (
        (select rxcui from medication_ingredients where rxcui ~ '^[0-9]{1,9}$' order by random() limit 20)
        union all (select rxcui from medications where org_id is null and tty = 'SCD' order by random() limit 10)) s"""))
    ndc_terms = [form for ndc in ndcs for form in ndc_forms(ndc.strip())]
    terms = NAME_TERMS + MISSPELT_TERMS + ndc_terms + rxcuis
    random.shuffle(terms)
    with open(os.path.join(args.out, "search-data.lua"), "w") as f:
        f.write("-- generated by bench/clinical/prepare.py: search terms (name prefixes, misspellings, NDCs, RxCUIs)\n")
        f.write(f"return {{auth={lua_string('Bearer ' + searcher['token'])}, "
                f"terms={lua_list([urllib.parse.quote(t) for t in terms])}}}\n")
    print(f"  search terms: {len(NAME_TERMS)} prefixes, {len(MISSPELT_TERMS)} misspellings, {len(ndc_terms)} NDC forms, "
          f"{len(rxcuis)} RxCUIs")

    with open(os.path.join(args.out, "users.json"), "w") as f:
        json.dump({"users": [{k: u[k] for k in ("email", "id", "role", "org", "claims")} for u in users],
                   "patient": patient_claims}, f, indent=1)


if __name__ == "__main__":
    main()
