package com.ai2aim.rx.patients;

import static com.ai2aim.rx.patients.PatientFixtures.create;
import static com.ai2aim.rx.patients.PatientFixtures.errorFields;
import static com.ai2aim.rx.patients.PatientFixtures.full;
import static com.ai2aim.rx.patients.PatientFixtures.uniqueMrn;
import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every validation rule: a body breaking it gets 400 VALIDATION_ERROR naming the field, and nothing is written. */
@IntegrationTest
class PatientValidationIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("date of birth tomorrow", "dateOfBirth", b -> b.put("dateOfBirth", LocalDate.now().plusDays(1).toString())),
                rule("date of birth today", "dateOfBirth", b -> b.put("dateOfBirth", LocalDate.now().toString())),
                rule("date of birth before 1900", "dateOfBirth", b -> b.put("dateOfBirth", "1899-12-31")),
                rule("date of birth not a date", "dateOfBirth", b -> b.put("dateOfBirth", "1980-02-30")),
                rule("date of birth as a number", "dateOfBirth", b -> b.put("dateOfBirth", 19800101)),
                rule("phone without plus", "phone", b -> b.put("phone", "5551234567")),
                rule("phone with letters", "phone", b -> b.put("phone", "+1555CALLME")),
                rule("email without at", "email", b -> b.put("email", "not-an-email")),
                rule("email without domain dot", "email", b -> b.put("email", "someone@localhost")),
                rule("ICD-10 code too short", "conditions[0].icd10Code", b -> condition(b, "E1")),
                rule("ICD-10 code starting with a digit", "conditions[0].icd10Code", b -> condition(b, "11.9")),
                rule("ICD-10 code with five after the dot", "conditions[0].icd10Code", b -> condition(b, "S72.001AB")),
                rule("ICD-10 code with two dots", "conditions[0].icd10Code", b -> condition(b, "E11..9")),
                rule("BIN of five digits", "coverages[0].bin", b -> coverage(b, "bin", "61001")),
                rule("BIN with a letter", "coverages[0].bin", b -> coverage(b, "bin", "61001A")),
                rule("coverage priorities repeated", "coverages[1].priority", b -> ((List<Object>) b.get("coverages"))
                        .add(Map.of("payerName", "Second Payer", "memberId", "M2", "priority", 1))),
                rule("unknown time zone", "communicationPreferences.quietHours.timezone", b -> quietHours(b, "timezone", "Mars/Olympus_Mons")),
                rule("fixed offset for a time zone", "communicationPreferences.quietHours.timezone", b -> quietHours(b, "timezone", "+02:00")),
                rule("quiet hours not HH:mm", "communicationPreferences.quietHours.start", b -> quietHours(b, "start", "25:00")),
                rule("unknown channel", "communicationPreferences.channels[0]", b -> preferences(b).put("channels", List.of("fax"))),
                rule("severity not on the scale", "allergies[0].severity", b -> allergy(b).put("severity", "deadly")),
                rule("allergy naming nothing", "allergies[0].substance", b -> b.put("allergies", List.of(Map.of("reaction", "Rash")))),
                rule("RxCUI with letters", "allergies[0].rxcui", b -> allergy(b).put("rxcui", "RX723")),
                rule("unknown top-level field", "ssn", b -> b.put("ssn", "000-00-0000")),
                rule("unknown nested field", "allergies[0].notes", b -> allergy(b).put("notes", "x")),
                rule("sex at birth not on the list", "sexAtBirth", b -> b.put("sexAtBirth", "x")),
                rule("first name missing", "firstName", b -> b.remove("firstName")),
                rule("control character in a name", "lastName", b -> b.put("lastName", "Fic\u0000tional")),
                rule("MRN with spaces", "mrn", b -> b.put("mrn", "A B C")),
                rule("country not ISO", "address.country", b -> b.put("address", Map.of("country", "USA"))),
                rule("first name as a number", "firstName", b -> b.put("firstName", 42)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void createBreakingARuleIsRefusedNamingTheFieldAndWritesNothing(String rule, String field, Consumer<Map<String, Object>> breakIt) {
        String mrn = uniqueMrn();
        Map<String, Object> body = full(mrn);
        breakIt.accept(body);
        long auditBefore = auditRows();

        Api.Response refused = api.post("/api/patients", body).token(users.token(TestUsers.PHARMACIST)).send();

        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(errorFields(refused)).contains(field);
        assertThat(PatientFixtures.rowsWithMrn(db, mrn)).isZero();
        assertThat(auditRows()).isEqualTo(auditBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void updateBreakingARuleIsRefusedAndChangesNothing(String rule, String field, Consumer<Map<String, Object>> breakIt) {
        if (field.equals("firstName") && rule.contains("missing")) {
            return; // an absent field in a PUT means "keep it"
        }
        String token = users.token(TestUsers.PHARMACIST);
        UUID id = create(api, token, full(uniqueMrn()));
        Map<String, Object> body = full(uniqueMrn());
        breakIt.accept(body);
        body.remove("sexAtBirth");
        if (!field.equals("sexAtBirth")) {
            body.put("sexAtBirth", "male");
        } else {
            body.put("sexAtBirth", "x");
        }

        Api.Response refused = api.put("/api/patients/" + id, body).token(token).send();

        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(errorFields(refused)).contains(field);
        assertThat(db.sql("select version || sex_at_birth from patients where id = ?").param(id).query(String.class).single())
                .isEqualTo("1female");
        assertThat(db.sql("select count(*) from patient_allergies where patient_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void preferredPharmacyMustBeAnActivePharmacy() {
        String physician = users.token(TestUsers.PHYSICIAN);
        Map<String, Object> body = full(uniqueMrn());
        body.put("preferredPharmacyId", users.orgOf(TestUsers.PHYSICIAN).toString()); // a clinic
        Api.Response clinic = api.post("/api/patients", body).token(physician).send();
        assertThat(errorFields(clinic)).containsExactly("preferredPharmacyId");

        body.put("preferredPharmacyId", UUID.randomUUID().toString());
        assertThat(errorFields(api.post("/api/patients", body).token(physician).send())).containsExactly("preferredPharmacyId");
        assertThat(PatientFixtures.rowsWithMrn(db, (String) body.get("mrn"))).isZero();
    }

    @Test
    void linkedUserMustBeAPatientOfTheSameOrganisation() {
        String pharmacist = users.token(TestUsers.PHARMACIST);
        Map<String, Object> body = full(uniqueMrn());
        body.put("userId", users.id(TestUsers.TECHNICIAN).toString());
        assertThat(errorFields(api.post("/api/patients", body).token(pharmacist).send())).containsExactly("userId");

        body.put("userId", users.id(TestUsers.PATIENT).toString()); // already linked to the demo patient
        assertThat(api.post("/api/patients", body).token(pharmacist).send().status()).isEqualTo(409);
        assertThat(PatientFixtures.rowsWithMrn(db, (String) body.get("mrn"))).isZero();
    }

    @Test
    void globalAdminMustNameTheOrganisation() {
        Api.Response refused = api.post("/api/patients", full(uniqueMrn())).token(users.token(TestUsers.ADMIN)).send();
        assertThat(errorFields(refused)).containsExactly("orgId");
    }

    @Test
    void visitsAndSingleRecordsAreValidatedToo() {
        String pharmacist = users.token(TestUsers.PHARMACIST);
        UUID id = create(api, pharmacist, PatientFixtures.minimal(uniqueMrn()));
        assertThat(errorFields(api.post("/api/patients/" + id + "/visits", Map.of("type", "surgery")).token(pharmacist).send()))
                .containsExactly("type");
        assertThat(errorFields(api.post("/api/patients/" + id + "/visits", Map.of("type", "pickup", "at", "2999-01-01T00:00:00Z"))
                .token(pharmacist).send())).containsExactly("at");
        assertThat(errorFields(api.post("/api/patients/" + id + "/conditions", Map.of("icd10Code", "banana")).token(pharmacist).send()))
                .containsExactly("icd10Code");
        assertThat(errorFields(api.post("/api/patients/" + id + "/allergies", Map.of("severity", "mild")).token(pharmacist).send()))
                .containsExactly(".substance");
        assertThat(errorFields(api.post("/api/patients/" + id + "/allergies", Map.of("id", UUID.randomUUID().toString(), "substance", "Latex"))
                .token(pharmacist).send())).containsExactly("id");
        assertThat(db.sql("select (select count(*) from patient_visits where patient_id = :id) + (select count(*) from patient_allergies"
                + " where patient_id = :id) + (select count(*) from patient_conditions where patient_id = :id)").param("id", id)
                .query(Long.class).single()).isZero();
    }

    private long auditRows() {
        return db.sql("select count(*) from audit_log where action like 'patient.%'").query(Long.class).single();
    }

    private static Arguments rule(String name, String field, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(name, field, breakIt);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> allergy(Map<String, Object> body) {
        return (Map<String, Object>) ((List<Object>) body.get("allergies")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static void condition(Map<String, Object> body, String code) {
        ((Map<String, Object>) ((List<Object>) body.get("conditions")).get(0)).put("icd10Code", code);
    }

    @SuppressWarnings("unchecked")
    private static void coverage(Map<String, Object> body, String field, Object value) {
        ((Map<String, Object>) ((List<Object>) body.get("coverages")).get(0)).put(field, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> preferences(Map<String, Object> body) {
        Map<String, Object> prefs = new LinkedHashMap<>((Map<String, Object>) body.get("communicationPreferences"));
        body.put("communicationPreferences", prefs);
        return prefs;
    }

    @SuppressWarnings("unchecked")
    private static void quietHours(Map<String, Object> body, String field, String value) {
        Map<String, Object> prefs = preferences(body);
        Map<String, Object> quiet = new LinkedHashMap<>((Map<String, Object>) prefs.get("quietHours"));
        quiet.put(field, value);
        prefs.put("quietHours", quiet);
    }

    static List<Object> mutable(List<Object> list) {
        return new ArrayList<>(list);
    }
}
