package com.ai2aim.rx.ops.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The backup directory: owner-only permissions, names by time, checksums. */
@Component
class BackupStorage {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;

    BackupStorage(@Value("${rx.backup.dir}") String dir) {
        this.dir = Path.of(dir).toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    static String fileName(Instant at) {
        return "rx-backup-" + STAMP.format(at) + ".zip";
    }

    Path temporary(String fileName) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Not POSIX: protect the directory by the platform's own means.
            }
        }
        Path temp = dir.resolve(fileName + ".tmp");
        Files.deleteIfExists(temp);
        return temp;
    }

    void syncDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    byte[] checksum(String fileName) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(dir.resolve(fileName))) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    boolean exists(String fileName) {
        return Files.isRegularFile(dir.resolve(fileName));
    }

    void delete(String fileName) throws IOException {
        Files.deleteIfExists(dir.resolve(fileName));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
