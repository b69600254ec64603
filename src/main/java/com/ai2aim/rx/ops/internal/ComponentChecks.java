package com.ai2aim.rx.ops.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The individual checks of the health-check job. Each answers up or down and never throws. */
@Component
class ComponentChecks {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    /** Looked up when needed: the registry holds the jobs runtime's indicator, which needs this job. */
    private final ObjectProvider<HealthContributorRegistry> health;
    private final HealthCheckProperties properties;
    private final HttpClient http;

    ComponentChecks(JdbcClient jdbc, TransactionTemplate transactions, ObjectProvider<HealthContributorRegistry> health,
                    HealthCheckProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.health = health;
        this.properties = properties;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    boolean database() {
        try {
            return Integer.valueOf(1).equals(transactions.execute(s -> jdbc.sql("select 1").query(Integer.class).single()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean disk() {
        Path dir = existing(Path.of(properties.dataDir()).toAbsolutePath());
        return dir != null && dir.toFile().getUsableSpace() >= properties.minFreeDisk().toBytes();
    }

    /** The data directory can be written (created if missing, a probe file written and removed). */
    boolean storage() {
        try {
            Path dir = Files.createDirectories(Path.of(properties.dataDir()).toAbsolutePath());
            Path probe = Files.createTempFile(dir, ".health-", ".probe");
            Files.writeString(probe, "ok");
            Files.delete(probe);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    boolean functions() {
        HealthContributor contributor = health.getObject().getContributor("functions");
        return contributor instanceof HealthIndicator indicator && Status.UP.equals(indicator.health().getStatus());
    }

    /** Reachable: any HTTP answer below 500 (a 401 or 404 from a base URL still shows the partner is there). */
    boolean endpoint(String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl)).timeout(properties.timeout()).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A plain RESP {@code PING}: +PONG, or -NOAUTH from a server that wants a password, means Redis is there. */
    boolean redis(String url) {
        URI uri = URI.create(url);
        int timeout = (int) properties.timeout().toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), timeout);
            socket.setSoTimeout(timeout);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[64];
            int n = in.read(reply);
            String text = n <= 0 ? "" : new String(reply, 0, n, StandardCharsets.US_ASCII);
            return text.startsWith("+PONG") || text.startsWith("-NOAUTH");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path existing(Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
