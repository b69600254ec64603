package com.ai2aim.rx.identity.internal;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt password hashes. A lookup for an unknown email still runs one hash comparison, so response time does not
 * tell whether an account exists.
 */
@Component
class Passwords {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    private final String decoy = encoder.encode("decoy-password-for-timing");

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void burnTime(String password) {
        encoder.matches(password, decoy);
    }
}
