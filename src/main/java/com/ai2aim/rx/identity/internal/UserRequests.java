package com.ai2aim.rx.identity.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.ai2aim.rx.platform.validation.ValidDeaNumber;
import com.ai2aim.rx.platform.validation.ValidLanguage;
import com.ai2aim.rx.platform.validation.ValidNpi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/** Bodies of the user and auth endpoints. GoTrue's own bodies keep GoTrue's snake_case names. */
final class UserRequests {

    private UserRequests() {}

    /** {@code POST /auth/v1/admin/users}, GoTrue's shape. */
    record AdminCreate(@NotBlank @Email @Size(max = 254) String email,
                       @NotBlank @Size(min = 10, max = 72, message = "must be 10 to 72 characters") String password,
                       @Pattern(regexp = OrganizationRequests.E164, message = "must be an E.164 phone number such as +15551234567") String phone,
                       @JsonProperty("email_confirm") Boolean emailConfirm,
                       @JsonProperty("user_metadata") @Size(max = 20) Map<String, Object> userMetadata,
                       @JsonProperty("app_metadata") @NotNull @Valid AppMetadata appMetadata) {}

    record AppMetadata(@JsonProperty("rx_role") @NotBlank String rxRole, @JsonProperty("org_id") UUID orgId) {}

    /**
     * {@code PUT /api/users/{id}}: a user may change their own name, phone, language and metadata; admins also email,
     * status and prescriber ids. {@code language} is the language messages are sent in, such as {@code es-MX}.
     */
    record Update(@Pattern(regexp = OrganizationRequests.NOT_BLANK, message = "must not be blank")
                  @Size(min = 1, max = 200) String fullName,
                  @Pattern(regexp = OrganizationRequests.E164, message = "must be an E.164 phone number such as +15551234567") String phone,
                  @Email @Pattern(regexp = OrganizationRequests.NOT_BLANK, message = "must not be blank")
                  @Size(max = 254) String email,
                  Boolean isActive,
                  @Size(max = 20) Map<String, Object> userMetadata,
                  @ValidNpi String npi,
                  @ValidDeaNumber String deaNumber,
                  @ValidLanguage String language) {}

    /** {@code PUT /api/users/{id}/role}. */
    record ChangeRole(@NotBlank String role, UUID orgId) {}

    /** {@code POST /auth/v1/token?grant_type=password|refresh_token}. */
    record Token(@Size(max = 254) String email,
                 @Size(max = 200) String password,
                 @Size(max = 32) String phone,
                 @JsonProperty("refresh_token") @Size(max = 200) String refreshToken,
                 @JsonProperty("gotrue_meta_security") Map<String, Object> gotrueMetaSecurity) {}
}
