package com.ai2aim.rx.notifications.internal;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project and Bearer token for FCM HTTP v1. With a service-account key ({@code RX_FCM_SERVICE_ACCOUNT_FILE}, the
 * JSON file Firebase's console downloads) Google's own OAuth 2 client mints the token: a JWT signed with the key,
 * exchanged at the key's {@code token_uri} for an access token scoped to Firebase messaging, cached and refreshed by
 * the client shortly before it expires. Without one, {@code RX_FCM_ACCESS_TOKEN} is used as given (a token minted
 * elsewhere). Neither the key nor a token is ever logged or put in an error.
 */
final class FcmCredentials {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

    /** The token endpoint could not be reached or refused the key; worth another attempt later. */
    static final class Unavailable extends Exception {
        Unavailable(Throwable cause) {
            super("FCM access token could not be obtained (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private final String projectId;
    private final GoogleCredentials minted;
    private final String fixedToken;

    private FcmCredentials(String projectId, GoogleCredentials minted, String fixedToken) {
        this.projectId = projectId;
        this.minted = minted;
        this.fixedToken = fixedToken;
    }

    /**
     * From the settings; empty settings give credentials that are not {@link #configured()}. A key file that is named
     * but cannot be read as a service-account key stops the start: it is a mistake the operator must see.
     */
    static FcmCredentials of(NotificationProperties.Fcm fcm) {
        if (!NotificationProperties.notBlank(fcm.serviceAccountFile())) {
            return new FcmCredentials(fcm.projectId(), null, fcm.accessToken());
        }
        ServiceAccountCredentials key;
        try (InputStream in = Files.newInputStream(Path.of(fcm.serviceAccountFile()))) {
            key = ServiceAccountCredentials.fromStream(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("RX_FCM_SERVICE_ACCOUNT_FILE could not be read as a service-account key ("
                    + e.getClass().getSimpleName() + ")");
        }
        String project = NotificationProperties.notBlank(fcm.projectId()) ? fcm.projectId() : key.getProjectId();
        return new FcmCredentials(project, key.createScoped(List.of(SCOPE)), null);
    }

    boolean configured() {
        return NotificationProperties.notBlank(projectId) && (minted != null || NotificationProperties.notBlank(fixedToken));
    }

    String projectId() {
        return projectId;
    }

    /** A current access token: the fixed one, or the cached minted one, refreshed first when it is about to expire. */
    String accessToken() throws Unavailable {
        if (minted == null) {
            return fixedToken;
        }
        try {
            minted.refreshIfExpired();
            return minted.getAccessToken().getTokenValue();
        } catch (IOException | RuntimeException e) {
            throw new Unavailable(e);
        }
    }
}
