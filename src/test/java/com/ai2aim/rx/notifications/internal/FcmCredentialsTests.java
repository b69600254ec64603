package com.ai2aim.rx.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Where the FCM token comes from, and what happens when it cannot be had (Google's token endpoint played by WireMock). */
class FcmCredentialsTests {

    @TempDir Path dir;
    WireMockServer google;

    @BeforeEach
    void start() {
        google = new WireMockServer(wireMockConfig().dynamicPort());
        google.start();
    }

    @AfterEach
    void stop() {
        google.stop();
    }

    @Test
    void aGivenTokenIsUsedAsIsAndNothingSetMeansNotConfigured() throws Exception {
        FcmCredentials given = FcmCredentials.of(new NotificationProperties.Fcm("https://fcm", "project", "ya29.given", ""));
        assertThat(given.configured()).isTrue();
        assertThat(given.accessToken()).isEqualTo("ya29.given");

        assertThat(FcmCredentials.of(new NotificationProperties.Fcm("https://fcm", "", "", "")).configured()).isFalse();
        assertThat(FcmCredentials.of(new NotificationProperties.Fcm("https://fcm", "project", "", null)).configured()).isFalse();
    }

    @Test
    void aKeyGivesTheProjectUnlessOneIsSetAndATokenOnlyWhenTheEndpointAnswers() throws Exception {
        Path key = serviceAccountKey("key-project");
        FcmCredentials fromKey = FcmCredentials.of(new NotificationProperties.Fcm("https://fcm", "", "", key.toString()));
        assertThat(fromKey.configured()).isTrue();
        assertThat(fromKey.projectId()).isEqualTo("key-project");
        assertThat(FcmCredentials.of(new NotificationProperties.Fcm("https://fcm", "set-project", "", key.toString())).projectId())
                .isEqualTo("set-project");

        google.stubFor(post("/token").willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")));
        assertThatThrownBy(fromKey::accessToken).isInstanceOf(FcmCredentials.Unavailable.class)
                .hasMessageNotContaining("PRIVATE KEY");

        google.stubFor(post("/token").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"ya29.minted\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        assertThat(fromKey.accessToken()).isEqualTo("ya29.minted");
    }

    @Test
    void aKeyFileThatIsNotAServiceAccountKeyStopsTheStartWithoutQuotingIt() throws Exception {
        Path notAKey = dir.resolve("not-a-key.json");
        Files.writeString(notAKey, "{\"type\":\"service_account\",\"private_key\":\"secret-material\"}");

        assertThatThrownBy(() -> FcmCredentials.of(new NotificationProperties.Fcm("https://fcm", "p", "", notAKey.toString())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RX_FCM_SERVICE_ACCOUNT_FILE")
                .hasMessageNotContaining("secret-material");
        assertThatThrownBy(() -> FcmCredentials.of(new NotificationProperties.Fcm("https://fcm", "p", "", dir.resolve("missing").toString())))
                .isInstanceOf(IllegalStateException.class);
    }

    private Path serviceAccountKey(String project) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Path file = dir.resolve("key.json");
        Files.writeString(file, new JsonMapper().writeValueAsString(Map.of("type", "service_account", "project_id", project,
                "private_key_id", "k1", "private_key", pem, "client_email", "push@" + project + ".iam.gserviceaccount.com",
                "client_id", "1", "token_uri", google.baseUrl() + "/token")));
        return file;
    }
}
