#!/usr/bin/env python3
"""EXPLAIN (ANALYZE, BUFFERS) of every list query the API runs for prescriptions, patients and communications
(plus the catalogue search and the interactions lookup the mix exercises), under row-level security.

The SQL is copied from the repositories (PrescriptionRepository.list, PatientRepository.list,
CommunicationRepository.list/recipientsOf, MedicationRepository.search*/list, PrescriptionRepository
.activeMedicationsOf) with the service's default page (limit 20, offset 0) and default order. Each runs as the
service runs it: role authenticated, request.jwt.claims of a signed-in user, parameters bound with the types the
JDBC driver sends. Two plans per query: the custom plan (the first executions of a prepared statement) and the
generic plan (what PostgreSQL may switch to after five executions of the same statement).
A plan that reads one of the large tables with a Seq Scan is flagged, unless the table holds fewer than --min-rows rows
(then a Seq Scan is the planner's right choice and is only noted). Output: <out>/plans/*.txt and <out>/plans/check.txt.
"""
import argparse
import json
import os
import re
import subprocess
import sys

BIG_TABLES = ["prescriptions", "prescription_fills", "prescription_dispenses", "patients", "patient_allergies",
              "patient_conditions", "patient_coverages", "communications", "communication_recipients", "medications",
              "medication_ndcs"]

# --- PrescriptionRepository ------------------------------------------------------------------------------------------
RX_SELECT = """select p.id, p.rx_number, p.org_id, p.patient_id, p.prescriber_id, p.medication_id, m.rxcui, m.name as medication_name,
       p.pharmacy_id, p.dose, p.sig, p.quantity, p.quantity_unit, p.days_supply, p.refills_authorized,
       p.refills_remaining, p.written_date, p.expires_on, p.substitution_allowed, p.diagnosis_code,
       p.diagnosis_text, p.dea_schedule, p.controlled, p.status, p.status_reason, p.verification_status,
       p.verification::text as verification, p.approved_by, p.approved_at, p.created_at, p.updated_at, p.version
from prescriptions p join medications m on m.id = p.medication_id"""
RX_ORDER = "p.created_at desc, p.id"
RX_FILTERS = {"patient": ("p.patient_id = :patient", "uuid"), "prescriber": ("p.prescriber_id = :prescriber", "uuid"),
              "pharmacy": ("p.pharmacy_id = :pharmacy", "uuid"), "status": ("p.status = :status", "varchar"),
              "controlled": ("p.controlled = :controlled", "boolean"), "before": ("p.expires_on < :before", "date")}

# --- PatientRepository -----------------------------------------------------------------------------------------------
PAT_COLUMNS = """id, org_id, mrn, first_name, last_name, date_of_birth, sex_at_birth, gender_identity, phone, email,
address::text as address, preferred_pharmacy_id, user_id,
communication_preferences::text as communication_preferences, is_active, deleted_at, created_at,
updated_at, version"""
PAT_ORDER = "created_at desc, id"
PAT_FILTERS = {"name": ("""((last_name_lower ~>=~ :name and last_name_lower ~<~ :nameEnd)
  or (first_name_lower ~>=~ :name and first_name_lower ~<~ :nameEnd))
and (starts_with(last_name_lower, :name) or starts_with(first_name_lower, :name))""", "text"),
               "dob": ("date_of_birth = :dob", "date"), "mrn": ("mrn = :mrn", "varchar"),
               "phone": ("phone = :phone", "varchar"), "active": ("is_active = :active", "boolean")}

# --- CommunicationRepository -----------------------------------------------------------------------------------------
COMM_COLUMNS = """c.id, c.org_id, c.sender_id, c.patient_id, c.prescription_id, c.channel, c.subject, c.body, c.sent_at,
c.updated_at, c.version"""
COMM_ORDER = "c.sent_at desc, c.id desc"
COMM_SCOPE_ORG = ("c.org_id = :scopeOrg", {"scopeOrg": "uuid"})
COMM_SCOPE_PARTICIPANT = ("""c.id in (select s.id from communications s where s.sender_id = :scopeUser and s.deleted_at is null
         union all select r.communication_id from communication_recipients r where r.recipient_id = :scopeUser)""",
                          {"scopeUser": "uuid"})
COMM_FILTERS = {"patient": ("c.patient_id = :patient", "uuid"), "prescription": ("c.prescription_id = :prescription", "uuid"),
                "channel": ("c.channel = :channel", "varchar"), "from": ("c.sent_at >= :from", "timestamptz"),
                "to": ("c.sent_at < :to", "timestamptz"),
                "unread": ("c.id in (select u.communication_id from communication_recipients u where u.recipient_id = :caller "
                           "and u.read_at is null and u.deleted_at is null)", "uuid")}

# --- MedicationRepository --------------------------------------------------------------------------------------------
MED_COLUMNS = """m.id, m.org_id, m.rxcui, m.tty, m.name, m.brand, m.strength, m.dose_form, m.route, m.ingredients::text as ingredients,
m.therapeutic_class, m.value_sets, m.dea_schedule, m.mme_factor, m.mme_note, m.source, m.is_active, m.version,
m.created_at, m.updated_at,
array(select n.ndc from medication_ndcs n where n.medication_id = m.id order by n.ndc) as ndcs"""


def psql(pg_port, sql):
    result = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres", "-d", "postgres",
                             "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"],
                            input=sql, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip())
    return result.stdout.strip()


def literal(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class Query:
    """SQL with :named parameters, their values and PostgreSQL types, turned into PREPARE/EXECUTE."""

    def __init__(self, name, sql, params):
        self.name, self.sql, self.params = name, sql, params  # params: {name: (value, type)}

    def prepared(self):
        order = []

        def number(match):
            key = match.group(1)
            if key not in order:
                order.append(key)
            return f"${order.index(key) + 1}"

        text = re.sub(r"(?<![:\w]):([A-Za-z_]\w*)", number, self.sql)
        types = ", ".join(self.params[k][1] for k in order)
        values = ", ".join(f"{literal(self.params[k][0])}::{self.params[k][1]}" for k in order)
        return text, types, values


def bounded_count(from_where):
    """PageCount.bounded: a list's total is counted only up to 1,000 rows (ADR 0005), so the count stops early."""
    return "select count(*) from (select 1 " + from_where + " limit :countCap) counted"


def count_params(params):
    return dict(params, countCap=(1001, "int8"))


def list_queries(prefix, label, select, count_from, where, order, params):
    """The two statements of one list call: the total count, then the page (default limit 20, offset 0)."""
    clause = " where " + " and ".join(where) if where else ""
    page = dict(params, limit=(20, "int4"), offset=(0, "int8"))
    return [Query(f"{prefix}.count@{label}", bounded_count("from " + count_from + clause), count_params(params)),
            Query(f"{prefix}.page@{label}", select + clause + " order by " + order + " limit :limit offset :offset", page)]


# The RLS rule repeated as disjoint branches (PrescriptionRepository.scope / PatientRepository.scope), for staff.
RX_SCOPE = ["p.org_id = :scopeOrg", "p.pharmacy_id = :scopeOrg and p.org_id is distinct from :scopeOrg",
            "p.prescriber_id = :scopeUser and p.org_id is distinct from :scopeOrg and p.pharmacy_id is distinct from :scopeOrg"]
PAT_SCOPE = ["org_id = :scopeOrg", "preferred_pharmacy_id = :scopeOrg and org_id is distinct from :scopeOrg"]


def union_page_ids(table, alias, where, branches, order):
    """ScopeUnion.pageIds: each branch's first offset+limit rows (id and sort keys) in the page's order, then the page
    of their union; one branch is a plain ordered query."""
    if len(branches) == 1:
        return f"select {alias}.id from {table} where {where} and ({branches[0]}) order by {order} limit :limit offset :offset"
    terms = [re.match(r"(?i)^(.+?)((?:\s+(?:asc|desc))?(?:\s+nulls\s+(?:first|last))?)$", t.strip()).groups()
             for t in order.split(",")]
    keys = f"{alias}.id as id" + "".join(f", {e} as sort_key_{i}" for i, (e, _) in enumerate(terms))
    outer = ", ".join(f"sort_key_{i}{d}" for i, (_, d) in enumerate(terms))
    parts = " union all ".join(f"(select {keys} from {table} where {where} and ({b}) order by {order} limit :branchLimit)"
                               for b in branches)
    return f"select id from ({parts}) branches order by {outer} limit :limit offset :offset"


def union_count(table, where, branches):
    """ScopeUnion.boundedCount: the branches appended, stopped at the cap (1,000 rows, ADR 0005)."""
    parts = " union all ".join(f"select 1 from {table} where {where} and ({b})" for b in branches)
    return f"select count(*) from ({parts} limit :countCap) counted"


def union_list_queries(prefix, label, select, table, alias, where, branches, order, params):
    """One list call: the page (its ids through the branches, then its rows), then the bounded count (run only when the
    page is full)."""
    clause = " and ".join(where)
    page = dict(params, limit=(20, "int4"), offset=(0, "int8"), branchLimit=(20, "int8"))
    ids = union_page_ids(table, alias, clause, branches, order)
    return [Query(f"{prefix}.count@{label}", union_count(table, clause, branches), count_params(params)),
            Query(f"{prefix}.page@{label}", select + f" where {alias}.id in (" + ids + ") order by " + order, page)]


def prescription_lists(label, v):
    shapes = {"default": {}, "status": {"status": "approved"}, "patient": {"patient": v["rx_patient"]},
              "patient_status": {"patient": v["rx_patient"], "status": "dispensed"},
              "prescriber": {"prescriber": v["prescriber"]}, "pharmacy": {"pharmacy": v["pharmacy"]},
              "controlled": {"controlled": True}, "expiring": {"before": v["expiring_before"]}}
    out = []
    for shape, values in shapes.items():
        where = ["p.deleted_at is null"] + [RX_FILTERS[k][0] for k in values]
        params = {k: (val, RX_FILTERS[k][1]) for k, val in values.items()}
        params.update(scopeOrg=(v["org"], "uuid"), scopeUser=(v["user"], "uuid"))
        # PrescriptionRepository.list (walksBranches): one OR instead of branches for these filters.
        branches = ["(" + ") or (".join(RX_SCOPE) + ")"] if {"patient", "prescriber", "pharmacy", "before"} & values.keys() else RX_SCOPE
        out += union_list_queries(f"prescriptions.{shape}", label, RX_SELECT, "prescriptions p", "p", where, branches,
                                  RX_ORDER, params)
    return out


def patient_lists(label, v):
    shapes = {"default": ({}, PAT_ORDER), "name": ({"name": v["name_prefix"]}, PAT_ORDER),
              "dob": ({"dob": v["dob"]}, PAT_ORDER), "mrn": ({"mrn": v["mrn"]}, PAT_ORDER),
              "phone": ({"phone": v["phone"]}, PAT_ORDER), "active": ({"active": True}, PAT_ORDER),
              "sort_last_name": ({}, "lower(last_name) asc, " + PAT_ORDER)}
    out = []
    for shape, (values, order) in shapes.items():
        where = ["deleted_at is null"] + [PAT_FILTERS[k][0] for k in values]
        params = {k: (val, PAT_FILTERS[k][1]) for k, val in values.items()}
        if "name" in values:
            params.update(nameEnd=(values["name"] + "\U0010ffff", "text"))
        params.update(scopeOrg=(v["org"], "uuid"))
        out += union_list_queries(f"patients.{shape}", label, "select " + PAT_COLUMNS + " from patients", "patients",
                                  "patients", where, PAT_SCOPE, order, params)
    return out


def communication_lists(label, v, participant=False):
    scope_sql, scope_types = COMM_SCOPE_PARTICIPANT if participant else COMM_SCOPE_ORG
    scope_values = {"scopeUser": v["user"]} if participant else {"scopeOrg": v["org"]}
    shapes = {"default": {}} if participant else {
        "default": {}, "patient": {"patient": v["comm_patient"]}, "prescription": {"prescription": v["comm_prescription"]},
        "channel": {"channel": "sms"}, "unread": {"unread": v["user"]},
        "period": {"from": v["period_from"], "to": v["period_to"]}}
    out = []
    for shape, values in shapes.items():
        where = ["c.deleted_at is null", scope_sql] + [COMM_FILTERS[k][0] for k in values]
        params = {k: (val, scope_types[k]) for k, val in scope_values.items()}
        for k, val in values.items():
            params["caller" if k == "unread" else k] = (val, COMM_FILTERS[k][1])
        out += list_queries(f"communications.{shape}", label, "select " + COMM_COLUMNS + " from communications c",
                            "communications c", where, COMM_ORDER, params)
    if not participant and v["comm_page_ids"]:
        ids = v["comm_page_ids"]
        names = [f"id{i}" for i in range(len(ids))]
        out.append(Query(f"communications.recipients_of_page@{label}",
                         "select communication_id, recipient_id, read_at from communication_recipients where communication_id in ("
                         + ", ".join(":" + n for n in names) + ") order by communication_id, recipient_id",
                         {n: (i, "uuid") for n, i in zip(names, ids)}))
    return out


def extra_queries(label, v):
    search = {
        "name_prefix": ("""select {c} from medications m
 where m.is_active and lower(m.name) ~>=~ :term and lower(m.name) ~<~ :termEnd and starts_with(lower(m.name), :term)
   and (m.org_id is null or m.org_id = cast(:visibleOrg as uuid))
 order by length(m.name), lower(m.name), m.id
 limit :limit""", {"term": ("metf", "text"), "termEnd": ("metf\U0010ffff", "text")}),
        "name_misspelt": ("""select {c} from medications m
 where m.is_active and :term <% lower(m.name) and not starts_with(lower(m.name), :term)
   and (m.org_id is null or m.org_id = cast(:visibleOrg as uuid))
 order by word_similarity(:term, lower(m.name)) desc, length(m.name), lower(m.name), m.id
 limit :limit""", {"term": ("oxycodne", "text")}),
        "rxcui": ("""select {c} from medications m
 where m.is_active and (m.rxcui = :rxcui or m.ingredient_rxcuis @> array[cast(:rxcui as text)])
   and (m.org_id is null or m.org_id = cast(:visibleOrg as uuid))
 order by (m.rxcui is not distinct from :rxcui) desc, lower(m.name), m.id
 limit :limit""", {"rxcui": ("7804", "varchar")}),
        "ndc": ("""select {c} from medications m
 where m.is_active and m.id in (select n.medication_id from medication_ndcs n where n.ndc in (:ndc1, :ndc2, :ndc3))
   and (m.org_id is null or m.org_id = cast(:visibleOrg as uuid))
 order by lower(m.name), m.id
 limit :limit""", {"ndc1": (v["ndc"], "varchar"), "ndc2": ("00000000000", "varchar"), "ndc3": ("00000000001", "varchar")}),
    }
    out = []
    for shape, (sql, params) in search.items():
        out.append(Query(f"medications.search_{shape}@{label}", sql.format(c=MED_COLUMNS),
                         dict(params, limit=(20, "int4"), visibleOrg=(v["org"], "uuid"))))
    out += list_queries("medications.list_default", label, "select " + MED_COLUMNS + " from medications m",
                        "medications m", [], "lower(m.name), m.id", {})
    out.append(Query(f"prescriptions.active_medications_of_patient@{label}", """select distinct medication_id from prescriptions
where patient_id = :patient and id <> :except and deleted_at is null
  and status in ('pending', 'approved', 'filled', 'dispensed') and expires_on >= current_date""",
                     {"patient": (v["rx_patient"], "uuid"), "except": (v["rx_id"], "uuid")}))
    return out


def values_for(pg_port, user):
    """Parameter values a real caller would send: rows of the user's own organisation, chosen as the owner."""
    org, uid = user["org"], user["id"]
    sql = f"""select json_build_object(
  'user', {literal(uid)}, 'org', {literal(org)},
  'rx_patient', (select patient_id from prescriptions where (org_id = {literal(org)} or pharmacy_id = {literal(org)})
                 and deleted_at is null group by patient_id order by count(*) desc limit 1),
  'rx_id', (select id from prescriptions where org_id = {literal(org)} or pharmacy_id = {literal(org)} order by created_at desc limit 1),
  'prescriber', (select prescriber_id from prescriptions where org_id = {literal(org)} or pharmacy_id = {literal(org)}
                 group by prescriber_id order by count(*) desc limit 1),
  'pharmacy', (select pharmacy_id from prescriptions where (org_id = {literal(org)} or pharmacy_id = {literal(org)})
               and pharmacy_id is not null group by pharmacy_id order by count(*) desc limit 1),
  'expiring_before', (current_date + 30)::text,
  'name_prefix', (select lower(left(last_name, 3)) from patients where org_id = {literal(org)} group by 1 order by count(*) desc limit 1),
  'dob', (select date_of_birth::text from patients where org_id = {literal(org)} order by id limit 1),
  'mrn', (select mrn from patients where org_id = {literal(org)} order by id limit 1),
  'phone', (select phone from patients where org_id = {literal(org)} and phone is not null order by id limit 1),
  'comm_patient', (select patient_id from communications where org_id = {literal(org)} and patient_id is not null
                   group by patient_id order by count(*) desc limit 1),
  'comm_prescription', (select prescription_id from communications where org_id = {literal(org)} and prescription_id is not null limit 1),
  'comm_page_ids', (select coalesce(json_agg(id), '[]') from (select id from communications where org_id = {literal(org)}
                    and deleted_at is null order by sent_at desc, id desc limit 20) s),
  'period_from', (now() - interval '30 days')::text, 'period_to', now()::text,
  'ndc', (select ndc from medication_ndcs where org_id = {literal(org)} or org_id is null order by org_id nulls last limit 1))"""
    return json.loads(psql(pg_port, sql))


def explain(pg_port, claims, query):
    text, types, values = query.prepared()
    claims_json = json.dumps(claims).replace("'", "''")
    blocks = []
    for mode in ("force_custom_plan", "force_generic_plan"):
        sql = f"""begin;
set local role {"service_role" if claims.get("role") == "service_role" else "authenticated"};
set local "request.jwt.claims" = '{claims_json}';
set local plan_cache_mode = {mode};
prepare q{('(' + types + ')') if types else ''} as {text};
explain (analyze, buffers) execute q{('(' + values + ')') if values else ''};
rollback;
"""
        label = "custom plan (first executions)" if mode == "force_custom_plan" else "generic plan (prepared statement after 5 executions)"
        try:
            blocks.append((label, psql(pg_port, sql)))
        except RuntimeError as e:
            blocks.append((label, "ERROR " + str(e)))
    return text, values, blocks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg-port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--min-rows", type=int, default=1000, help="smaller tables may be read with a Seq Scan")
    args = parser.parse_args()
    with open(os.path.join(args.out, "users.json")) as f:
        users = json.load(f)
    pharmacist = next(u for u in users["users"] if u["role"] == "pharmacist")
    physician = next(u for u in users["users"] if u["role"] == "physician")
    patient = users["patient"]
    plans_dir = os.path.join(args.out, "plans")
    os.makedirs(plans_dir, exist_ok=True)

    pv, dv = values_for(args.pg_port, pharmacist), values_for(args.pg_port, physician)
    patient_values = {"user": patient["sub"], "org": patient.get("app_metadata", {}).get("org_id")}
    # The catalogue search runs as the service with the caller's visibility as a plain predicate
    # (MedicationController.search, Visibility): the catalogue holds no PHI, and under a policy the trigram index is unusable.
    service = {"role": "service_role"}
    runs = [(service if q.name.startswith("medications.search_") else pharmacist["claims"], q)
            for q in prescription_lists("pharmacist", pv) + patient_lists("pharmacist", pv)
            + communication_lists("pharmacist", pv) + extra_queries("pharmacist", pv)]
    runs += [(physician["claims"], q) for q in prescription_lists("physician", dv) + patient_lists("physician", dv)]
    runs += [(patient, q) for q in communication_lists("patient", patient_values, participant=True)]

    sizes = dict(tuple(line.split("|")) for line in psql(args.pg_port, "select relname, reltuples::bigint from pg_class "
                 "where relkind = 'r' and relnamespace = 'public'::regnamespace and relname in ("
                 + ", ".join(literal(t) for t in BIG_TABLES) + ")").splitlines())
    seq = re.compile(r"Seq Scan on (" + "|".join(BIG_TABLES) + r")\b")
    index = re.compile(r"(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)")
    exec_time = re.compile(r"Execution Time: ([0-9.]+) ms")
    report, flagged, noted = [], {}, set()
    for claims, query in runs:
        text, values, blocks = explain(args.pg_port, claims, query)
        with open(os.path.join(plans_dir, query.name + ".txt"), "w") as f:
            f.write(f"-- {query.name}\n-- as {claims.get('email') or claims.get('sub')} "
                    f"({claims.get('app_metadata', {}).get('rx_role')})\n-- parameters: {values or 'none'}\n{text}\n")
            for label, plan in blocks:
                f.write(f"\n-- {label}\n{plan}\n")
        # One warning per query shape, whichever users it was run as.
        family, user = query.name.split("@")
        for label, plan in blocks:
            mode = "custom" if label.startswith("custom") else "generic"
            seqs = sorted(set(seq.findall(plan)))
            big = [t for t in seqs if int(float(sizes.get(t, 0))) >= args.min_rows]
            noted.update(t for t in seqs if t not in big)
            indexes = sorted(set(index.findall(plan)))
            ms = exec_time.search(plan)
            status = "ERROR" if plan.startswith("ERROR") else ("SEQSCAN" if big else "ok")
            if status != "ok":
                entry = flagged.setdefault(family, {"users": set(), "modes": set(), "problems": set()})
                entry["users"].add(user)
                entry["modes"].add(mode)
                entry["problems"].update([f"Seq Scan on {t} ({sizes.get(t, '?')} rows)" for t in big] or [plan[:300]])
            report.append(f"{status:8s} {query.name:58s} {mode:8s} {ms.group(1) if ms else '?':>9s} ms  "
                          f"seq: {','.join(seqs) or '-'}  indexes: {','.join(indexes) or '-'}")
    with open(os.path.join(plans_dir, "check.txt"), "w") as f:
        f.write("table sizes (pg_class.reltuples): " + ", ".join(f"{t}={sizes.get(t, '?')}" for t in BIG_TABLES) + "\n")
        f.write(f"SEQSCAN: a Seq Scan on one of these tables with at least {args.min_rows} rows\n")
        f.write("\n".join(report) + "\n")
    for family, e in flagged.items():
        print(f"WARNING {family} [{', '.join(sorted(e['users']))}; {'+'.join(sorted(e['modes']))} plan]: "
              + "; ".join(sorted(e["problems"])))
    if noted:
        print(f"note: Seq Scans on small tables not flagged (< {args.min_rows} rows): {', '.join(sorted(noted))}")
    print(f"plans: {len(runs)} queries, custom and generic plan each; {len(flagged)} query shapes flagged; "
          f"all plans in {plans_dir}/, index use per plan in {plans_dir}/check.txt")
    print(f"PLANS queries={len(runs)} flagged={len(flagged)}")


if __name__ == "__main__":
    sys.exit(main())
