package com.ai2aim.rx.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Resolves the HS256 secret: configured, or generated once and kept (owner-readable only) beside the data. */
final class JwtKeys {

    private static final int MIN_BYTES = 32;

    private JwtKeys() {}

    static byte[] secret(JwtProperties properties) {
        if (properties.secret() != null && !properties.secret().isBlank()) {
            byte[] configured = properties.secret().getBytes(StandardCharsets.UTF_8);
            if (configured.length < MIN_BYTES) {
                throw new IllegalStateException("RX_JWT_SECRET must be at least 32 bytes long");
            }
            return configured;
        }
        return generatedSecret(Path.of(properties.secretFile()));
    }

    private static byte[] generatedSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, secret);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own protection applies
            }
            return secret.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the JWT secret file", e);
        }
    }
}
