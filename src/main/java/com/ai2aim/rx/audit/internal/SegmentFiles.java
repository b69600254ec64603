package com.ai2aim.rx.audit.internal;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Segment files in the archive directory: gzip'd JSON lines, one audit record per line exactly as PostgreSQL's
 * {@code row_to_json} wrote it, so verification can hand a line back to {@code rx.audit_hash} unchanged. A segment is
 * written to a temporary name, synced, renamed atomically and the directory synced, so a final name always means a
 * complete file; whether it is also indexed is the database's business.
 */
@Component
class SegmentFiles {

    private static final Pattern FINAL = Pattern.compile("audit-(\\d{20})-(\\d{20})\\.jsonl\\.gz");
    static final String TEMP_SUFFIX = ".tmp";

    /** What a written or re-read file holds: its checksum, size and line count. */
    record Written(String fileName, byte[] sha256, long size, long lines) {}

    private final Path dir;

    SegmentFiles(@Value("${rx.audit.archive.dir}") String dir) {
        this.dir = Path.of(dir).toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    static String name(long firstSeq, long lastSeq) {
        return String.format("audit-%020d-%020d.jsonl.gz", firstSeq, lastSeq);
    }

    /** Final segment names in the directory (not temporary files), in name order, i.e. in sequence order. */
    List<String> finalNames() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> FINAL.matcher(n).matches()).sorted().toList();
        }
    }

    /** Removes temporary files left by a run that stopped before its rename. */
    int removeTemporaryFiles() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> temporary;
        try (var files = Files.list(dir)) {
            temporary = files.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).toList();
        }
        for (Path p : temporary) {
            Files.deleteIfExists(p);
        }
        return temporary.size();
    }

    void delete(String fileName) throws IOException {
        Files.deleteIfExists(dir.resolve(fileName));
        syncDirectory();
    }

    static long[] range(String fileName) {
        Matcher m = FINAL.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a segment name");
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    /** Opens a temporary file for a segment starting at {@code firstSeq}; lines go through {@link Writing#line}. */
    Writing begin(long firstSeq) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve(String.format("audit-%020d.jsonl.gz", firstSeq) + TEMP_SUFFIX);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        return new Writing(temp, channel);
    }

    final class Writing implements AutoCloseable {
        private final Path temp;
        private final FileChannel channel;
        private final MessageDigest digest = sha256();
        private final Writer out;
        private long lines;
        private boolean finished;

        private Writing(Path temp, FileChannel channel) throws IOException {
            this.temp = temp;
            this.channel = channel;
            OutputStream file = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), digest);
            GZIPOutputStream gzip = new GZIPOutputStream(file, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
            this.out = new OutputStreamWriter(gzip, StandardCharsets.UTF_8);
        }

        void line(String json) throws IOException {
            out.write(json);
            out.write('\n');
            lines++;
        }

        /** Closes the gzip stream, syncs the file, renames it to its final name and syncs the directory. */
        Written finish(long firstSeq, long lastSeq) throws IOException {
            out.flush();
            out.close(); // finishes the gzip trailer and flushes into the channel (which it also closes)
            finished = true;
            try (FileChannel sync = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                sync.force(true);
            }
            String fileName = name(firstSeq, lastSeq);
            Path target = dir.resolve(fileName);
            restrict(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
            return new Written(fileName, digest.digest(), Files.size(target), lines);
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                // Left in place, as a crash would leave it: the next run removes temporary files first.
                try {
                    out.close();
                } finally {
                    channel.close();
                }
            }
        }
    }

    /** Reads a segment back: every line goes to {@code lines}; returns the checksum, size and count it found. */
    Written read(String fileName, Consumer<String> lines) throws IOException {
        Path file = dir.resolve(fileName);
        MessageDigest digest = sha256();
        long count = 0;
        try (DigestInputStream raw = new DigestInputStream(Files.newInputStream(file), digest);
             BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                     StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
                count++;
            }
            // Anything after the gzip data still counts: the checksum covers every byte of the file.
            raw.transferTo(OutputStream.nullOutputStream());
        }
        return new Written(fileName, digest.digest(), Files.size(file), count);
    }

    boolean exists(String fileName) {
        return Files.isRegularFile(dir.resolve(fileName));
    }

    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the directory's own permissions are what protects the archive there.
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
