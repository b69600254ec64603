package com.ai2aim.rx.identity.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.ai2aim.rx.platform.validation.ValidNpi;
import java.util.Map;

/** Bodies of the organisation endpoints. */
final class OrganizationRequests {

    static final String E164 = "^\\+[1-9][0-9]{6,14}$";
    /** For optional fields, where null means "not given" (or "unchanged"): a value that is given must hold some text. */
    static final String NOT_BLANK = com.ai2aim.rx.platform.validation.TextPatterns.NOT_BLANK;

    private OrganizationRequests() {}

    record Create(@NotBlank @Size(max = 200) String name,
                  @NotBlank @Pattern(regexp = "pharmacy|clinic", message = "must be 'pharmacy' or 'clinic'") String kind,
                  @ValidNpi String npi,
                  @Pattern(regexp = E164, message = "must be an E.164 phone number such as +15551234567") String phone,
                  @Email @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 254) String email,
                  @Size(max = 20) Map<String, String> address) {}

    record Update(@Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(min = 1, max = 200) String name,
                  @ValidNpi String npi,
                  @Pattern(regexp = E164, message = "must be an E.164 phone number such as +15551234567") String phone,
                  @Email @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 254) String email,
                  @Size(max = 20) Map<String, String> address,
                  Boolean isActive) {}
}
