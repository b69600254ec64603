package com.ai2aim.rx.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the zonky Maven binaries, with its data directory kept between runs.
 * After a hard kill the old postmaster may still hold the directory, so it is stopped before starting again.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean clean) throws IOException {
        Files.createDirectories(dataDirectory);
        stopLeftoverPostmaster(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(clean)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // Sized for a pharmacy's working set on a small machine: the prescription and patient tables and their
                // indexes stay in PostgreSQL's own cache instead of being re-read through the kernel on every list.
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("effective_cache_size", "4GB")
                .setServerConfig("random_page_cost", "1.1")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("timezone", "UTC")
                // zonky starts the server for tests' speed with fsync off (-F, which a crash of the machine can turn
                // into a corrupt database) and synchronous commit off (which loses the last commits). A pharmacy's
                // commits, and the audit records every read waits for, must be on disk before anyone is told they
                // happened. Options given here come after zonky's on the command line, so they win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("log_min_messages", "warning");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL listening on 127.0.0.1:{}", postgres.getPort());
        return new EmbeddedPostgresServer(postgres);
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    private static void stopLeftoverPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        leftover.ifPresent(process -> {
            log.warn("stopping a leftover PostgreSQL server (pid {}) from an earlier run", process.pid());
            process.destroy();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> {
                process.destroyForcibly();
                return process;
            }).join();
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove stale postmaster.pid", e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
