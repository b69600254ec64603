package com.ai2aim.rx.platform.idempotency;

import com.ai2aim.rx.platform.security.Actor;
import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.BodySizeLimitFilter;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the whole request runs in one transaction that first claims the key. The claim,
 * the create and the stored response commit together, so a crash leaves no half state; a concurrent retry waits on
 * the key's row and then replays the stored response. A key reused with a different body is refused.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final ErrorResponseWriter errors;

    public IdempotencyFilter(IdempotencyStore store, TransactionTemplate transactions, ErrorResponseWriter errors) {
        this.store = store;
        this.transactions = transactions;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Optional<Actor> actor = Actors.current().filter(a -> a.userId() != null);
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            errors.write(response, ErrorCode.VALIDATION_ERROR, "Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 . _ : -");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodySizeLimitFilter.BodyTooLargeException e) {
            errors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is too large");
            return;
        }
        CachedBodyRequest cachedRequest = new CachedBodyRequest(request, body);
        ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
        IdempotencyStore.Request fingerprint = new IdempotencyStore.Request(
                actor.get().userId(), key, request.getMethod(), request.getRequestURI(), body);
        Outcome outcome = transactions.execute(status -> {
            Optional<IdempotencyStore.StoredResponse> previous = store.claim(fingerprint);
            if (previous.isPresent()) {
                return new Outcome(previous.get(), null);
            }
            try {
                chain.doFilter(cachedRequest, cachedResponse);
            } catch (IOException | ServletException e) {
                status.setRollbackOnly();
                return new Outcome(null, e);
            }
            if (cachedResponse.getStatus() >= 200 && cachedResponse.getStatus() < 300) {
                store.complete(fingerprint, cachedResponse.getStatus(), cachedResponse.getContentAsByteArray(),
                        cachedResponse.getContentType(), cachedResponse.getHeader("Location"));
            } else {
                status.setRollbackOnly(); // a failed create leaves no trace; the client may retry with the same key
            }
            return new Outcome(null, null);
        });
        if (outcome.failure() != null) {
            throw new ServletException(outcome.failure());
        }
        if (outcome.replay() != null) {
            replay(outcome.replay(), fingerprint, response);
            return;
        }
        cachedResponse.copyBodyToResponse();
    }

    private void replay(IdempotencyStore.StoredResponse stored, IdempotencyStore.Request request, HttpServletResponse response)
            throws IOException {
        if (!stored.matches(request)) {
            errors.write(response, ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for a different request");
            return;
        }
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        response.getOutputStream().write(stored.body());
    }

    private record Outcome(IdempotencyStore.StoredResponse replay, Exception failure) {}

    /** Gives the handler the body this filter already read (needed to fingerprint it). */
    private static final class CachedBodyRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(jakarta.servlet.ReadListener listener) { throw new UnsupportedOperationException(); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }
    }
}
