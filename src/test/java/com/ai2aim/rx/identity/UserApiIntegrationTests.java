package com.ai2aim.rx.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.Api;
import com.ai2aim.rx.support.IntegrationTest;
import com.ai2aim.rx.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UserApiIntegrationTests {

    @LocalServerPort int port;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    Api api;
    TestUsers users;
    JdbcClient db;
    UUID pharmacy;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        users = new TestUsers(api);
        db = JdbcClient.create(owner);
        pharmacy = users.orgOf(TestUsers.PHARMACIST);
    }

    @Test
    void adminListsUsersWithPaginationAndFilters() {
        Api.Response page = api.get("/api/users?role=pharmacist&orgId=" + pharmacy + "&active=true&limit=1&sort=email")
                .token(users.token(TestUsers.ADMIN)).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("success").asBoolean()).isTrue();
        assertThat(page.data().size()).isEqualTo(1);
        assertThat(page.data().get(0).path("role").asString()).isEqualTo("pharmacist");
        var pagination = page.json().path("pagination");
        assertThat(pagination.path("page").asInt()).isEqualTo(1);
        assertThat(pagination.path("limit").asInt()).isEqualTo(1);
        assertThat(pagination.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(pagination.path("pages").asLong()).isEqualTo(pagination.path("total").asLong());
        assertThat(pagination.path("hasPrev").asBoolean()).isFalse();
        assertThat(page.json().path("meta").path("requestId").asString()).isNotBlank();
    }

    @Test
    void nonAdminsCannotListUsersOrReadOthers() {
        String pharmacist = users.token(TestUsers.PHARMACIST);
        assertThat(api.get("/api/users").token(pharmacist).send().errorCode()).isEqualTo("FORBIDDEN");
        UUID patient = users.id(TestUsers.PATIENT);
        assertThat(api.get("/api/users/" + patient).token(pharmacist).send().status()).isEqualTo(403);
        assertThat(api.get("/api/users/" + users.id(TestUsers.PHARMACIST)).token(pharmacist).send().status()).isEqualTo(200);
    }

    @Test
    void readingAProfileIsRecordedAsAnAccessEvent() {
        UUID patient = users.id(TestUsers.PATIENT);
        String requestId = "test-" + UUID.randomUUID();
        assertThat(api.get("/api/users/" + patient).token(users.token(TestUsers.ADMIN)).header("X-Request-Id", requestId).send()
                .header("X-Request-Id")).isEqualTo(requestId);

        var row = db.sql("select action, resource_id, actor_role, ip from audit_log where request_id = ?").param(requestId)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)).single();
        assertThat(row).isEqualTo("user.read|" + patient + "|admin|127.0.0.1");
    }

    @Test
    void selfUpdateChangesOwnFieldsOnlyAndIsAuditedByFieldName() {
        UUID id = users.create("technician", pharmacy, "Self-Update-Pass1");
        String token = users.signIn(users.lastCreatedEmail(), "Self-Update-Pass1").json().path("access_token").asString();

        Api.Response updated = api.put("/api/users/" + id, Map.of("fullName", "Renamed Tech", "phone", "+15557654321")).token(token).send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data().path("fullName").asString()).isEqualTo("Renamed Tech");
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        Api.Response escalate = api.put("/api/users/" + id, Map.of("isActive", false)).token(token).send();
        assertThat(escalate.status()).isEqualTo(403);

        var changed = db.sql("select array_to_string(changed_fields, ',') from audit_log where action = 'user.update' and resource_id = ?")
                .param(id.toString()).query(String.class).single();
        assertThat(changed).isEqualTo("full_name,phone");
        var details = db.sql("select details::text from audit_log where action = 'user.update' and resource_id = ?")
                .param(id.toString()).query(String.class).single();
        assertThat(details).doesNotContain("Renamed").doesNotContain("5557654321");
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        UUID id = users.create("technician", pharmacy, "Stale-Match-Pass1");
        String admin = users.token(TestUsers.ADMIN);
        Api.Response first = api.put("/api/users/" + id, Map.of("fullName", "First")).token(admin).header("If-Match", "\"1\"").send();
        assertThat(first.status()).isEqualTo(200);

        Api.Response stale = api.put("/api/users/" + id, Map.of("fullName", "Second")).token(admin).header("If-Match", "\"1\"").send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.errorCode()).isEqualTo("PRECONDITION_FAILED");
        assertThat(db.sql("select full_name from users where id = ?").param(id).query(String.class).single()).isEqualTo("First");
    }

    @Test
    void deactivationKeepsTheRecordAndEndsSessions() {
        UUID id = users.create("pharmacist", pharmacy, "Deactivate-Pass1");
        String email = users.lastCreatedEmail();
        String token = users.signIn(email, "Deactivate-Pass1").json().path("access_token").asString();
        assertThat(api.get("/auth/v1/user").token(token).send().status()).isEqualTo(200);

        Api.Response deleted = api.delete("/api/users/" + id).token(users.token(TestUsers.ADMIN)).send();
        assertThat(deleted.status()).isEqualTo(200);

        assertThat(db.sql("select is_active from users where id = ?").param(id).query(Boolean.class).single()).isFalse();
        assertThat(api.get("/auth/v1/user").token(token).send().status()).isEqualTo(401);
        assertThat(users.signIn(email, "Deactivate-Pass1").errorCode()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void roleChangeIsAuditedAndEndsSessionsSoTheNewRoleApplies() {
        UUID id = users.create("technician", pharmacy, "Role-Change-Pass1");
        String email = users.lastCreatedEmail();
        String old = users.signIn(email, "Role-Change-Pass1").json().path("access_token").asString();

        Api.Response changed = api.put("/api/users/" + id + "/role", Map.of("role", "pharmacist")).token(users.token(TestUsers.ADMIN)).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.data().path("role").asString()).isEqualTo("pharmacist");
        assertThat(api.get("/auth/v1/user").token(old).send().status()).isEqualTo(401);
        String fresh = users.signIn(email, "Role-Change-Pass1").json().path("access_token").asString();
        assertThat(SignInIntegrationTests.claims(fresh).path("app_metadata").path("rx_role").asString()).isEqualTo("pharmacist");

        Api.Response badRole = api.put("/api/users/" + id + "/role", Map.of("role", "wizard")).token(users.token(TestUsers.ADMIN)).send();
        assertThat(badRole.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(badRole.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("role");
    }

    @Test
    void adminCreateValidatesRoleOrganisationAndDuplicates() {
        String admin = users.token(TestUsers.ADMIN);
        Api.Response noOrg = api.post("/auth/v1/admin/users", Map.of("email", "x-" + UUID.randomUUID() + "@test.rx",
                "password", "Long-Enough-1", "app_metadata", Map.of("rx_role", "pharmacist"))).token(admin).send();
        assertThat(noOrg.status()).isEqualTo(400);

        Api.Response duplicate = api.post("/auth/v1/admin/users", Map.of("email", TestUsers.PHARMACIST,
                "password", "Long-Enough-1", "app_metadata", Map.of("rx_role", "pharmacist", "org_id", pharmacy.toString()))).token(admin).send();
        assertThat(duplicate.status()).isEqualTo(409);

        Api.Response byPharmacist = api.post("/auth/v1/admin/users", Map.of("email", "y-" + UUID.randomUUID() + "@test.rx",
                "password", "Long-Enough-1", "app_metadata", Map.of("rx_role", "patient", "org_id", pharmacy.toString())))
                .token(users.token(TestUsers.PHARMACIST)).send();
        assertThat(byPharmacist.status()).isEqualTo(403);
    }

    @Test
    void prescriberIdentifiersAreCheckedAndOnlyAdminsSetThem() {
        UUID id = users.create("physician", users.orgOf(TestUsers.PHYSICIAN), "Prescriber-Pass1");
        String own = users.signIn(users.lastCreatedEmail(), "Prescriber-Pass1").json().path("access_token").asString();
        String admin = users.token(TestUsers.ADMIN);

        Api.Response badNpi = api.put("/api/users/" + id, Map.of("npi", "1234567890")).token(admin).send();
        assertThat(badNpi.errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(badNpi.json().path("error").path("details").get(0).path("field").asString()).isEqualTo("npi");
        assertThat(api.put("/api/users/" + id, Map.of("deaNumber", "BP1234564")).token(admin).send().errorCode()).isEqualTo("VALIDATION_ERROR");
        assertThat(api.put("/api/users/" + id, Map.of("npi", "1245319599")).token(own).send().status()).isEqualTo(403);

        Api.Response set = api.put("/api/users/" + id, Map.of("npi", "1245319599", "deaNumber", "AP7654329")).token(admin).send();
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.data().path("npi").asString()).isEqualTo("1245319599");
        assertThat(set.data().path("deaNumber").asString()).isEqualTo("AP7654329");
    }

    @Test
    void passwordHashesAreBcryptAndNeverReturned() {
        UUID id = users.create("patient", pharmacy, "Hash-Check-Pass1");
        String hash = db.sql("select password_hash from user_credentials where user_id = ?").param(id).query(String.class).single();
        assertThat(hash).startsWith("$2a$10$");
        Api.Response read = api.get("/api/users/" + id).token(users.token(TestUsers.ADMIN)).send();
        assertThat(read.raw()).doesNotContain(hash).doesNotContainIgnoringCase("password");
    }

    @Test
    void organisationsAreManagedByAdmins() {
        String admin = users.token(TestUsers.ADMIN);
        Api.Response created = api.post("/api/organizations", Map.of("name", "Corner Pharmacy", "kind", "pharmacy",
                "phone", "+15550001111")).token(admin).send();
        assertThat(created.status()).isEqualTo(201);
        String id = created.data().path("id").asString();
        assertThat(created.header("Location")).endsWith("/api/organizations/" + id);

        Api.Response updated = api.put("/api/organizations/" + id, Map.of("name", "Corner Pharmacy & Clinic"))
                .token(admin).header("If-Match", "\"1\"").send();
        assertThat(updated.data().path("name").asString()).isEqualTo("Corner Pharmacy & Clinic");
        assertThat(api.get("/api/organizations/" + id).token(admin).send().header("ETag")).isEqualTo("\"2\"");
        assertThat(api.get("/api/organizations?limit=100").token(admin).send().data().findValuesAsString("id")).contains(id);
        assertThat(api.get("/api/organizations").token(users.token(TestUsers.PHARMACIST)).send().status()).isEqualTo(403);
        assertThat(api.post("/api/organizations", Map.of("name", "X", "kind", "bakery")).token(admin).send().errorCode())
                .isEqualTo("VALIDATION_ERROR");
    }
}
