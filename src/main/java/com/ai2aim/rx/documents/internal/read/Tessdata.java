package com.ai2aim.rx.documents.internal.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Finds Tesseract's English model. The repository does not carry the 5 MB file: the npm package
 * {@code @tesseract.js-data/eng} (a dependency of src/test/js, installed by {@code npm ci} on CI, and fetched by
 * run.sh into the data directory) and Debian's {@code tesseract-ocr-eng} both provide it. Looks, in order, in the
 * configured directory ({@code RX_TESSDATA_DIR}), the data directory, the npm copy and Debian's; a gzipped model
 * is unpacked once into the data directory, since Tesseract reads only plain files.
 */
public final class Tessdata {

    static final String MODEL = "eng.traineddata";
    private static final String NPM_COPY = "src/test/js/node_modules/@tesseract.js-data/eng/4.0.0_best_int";

    private Tessdata() {}

    /** The directory holding a plain {@code eng.traineddata}, unpacking a gzipped one into {@code cacheDir} if needed. */
    public static Path locate(String configuredDir, Path cacheDir) {
        List<Path> candidates = new ArrayList<>();
        if (configuredDir != null && !configuredDir.isBlank()) {
            candidates.add(Path.of(configuredDir));
        }
        candidates.add(cacheDir);
        candidates.add(Path.of(NPM_COPY));
        candidates.addAll(debianDirs());
        for (Path dir : candidates) {
            if (Files.isRegularFile(dir.resolve(MODEL))) {
                return dir;
            }
            if (Files.isRegularFile(dir.resolve(MODEL + ".gz"))) {
                return unpack(dir.resolve(MODEL + ".gz"), cacheDir);
            }
        }
        throw new IllegalStateException("No Tesseract English model (" + MODEL + ") in " + candidates
                + "; set RX_TESSDATA_DIR, run ./run.sh once, or npm ci in src/test/js");
    }

    private static Path unpack(Path gz, Path cacheDir) {
        try {
            Files.createDirectories(cacheDir);
            Path partial = Files.createTempFile(cacheDir, MODEL, ".part");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            // Atomic, so two copies of the service starting together never read a half-written model.
            Files.move(partial, cacheDir.resolve(MODEL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return cacheDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Tesseract model into " + cacheDir, e);
        }
    }

    private static List<Path> debianDirs() {
        Path root = Path.of("/usr/share/tesseract-ocr");
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return dirs;
        }
        try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
            versions.forEach(v -> dirs.add(v.resolve("tessdata")));
        } catch (IOException e) {
            return dirs;
        }
        return dirs;
    }

}
