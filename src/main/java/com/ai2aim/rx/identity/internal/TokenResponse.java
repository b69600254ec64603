package com.ai2aim.rx.identity.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** GoTrue's session response, the shape {@code supabase.auth.signInWithPassword} expects. */
record TokenResponse(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn,
                     @JsonProperty("expires_at") long expiresAt,
                     @JsonProperty("refresh_token") String refreshToken,
                     GoTrueUser user) {}
