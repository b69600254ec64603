package com.ai2aim.rx.identity.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The user object exactly as GoTrue returns it, which supabase-js stores in its session. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record GoTrueUser(UUID id, String aud, String role, String email, String phone,
                  @JsonProperty("app_metadata") Map<String, Object> appMetadata,
                  @JsonProperty("user_metadata") Map<String, Object> userMetadata,
                  @JsonProperty("created_at") Instant createdAt,
                  @JsonProperty("updated_at") Instant updatedAt,
                  @JsonProperty("last_sign_in_at") Instant lastSignInAt) {

    static GoTrueUser of(UserView user) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("provider", "email");
        app.put("providers", List.of("email"));
        app.put("rx_role", user.role());
        app.put("org_id", user.orgId());
        Map<String, Object> metadata = new LinkedHashMap<>(user.userMetadata());
        if (user.fullName() != null) {
            metadata.putIfAbsent("full_name", user.fullName());
        }
        return new GoTrueUser(user.id(), "authenticated", "authenticated", user.email(), user.phone() == null ? "" : user.phone(),
                app, metadata, user.createdAt(), user.updatedAt(), user.lastLogin());
    }
}
