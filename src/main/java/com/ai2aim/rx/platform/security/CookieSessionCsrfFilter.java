package com.ai2aim.rx.platform.security;

import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Double-submit CSRF check for browser sessions: an unsafe request authenticated only by the session cookie must
 * echo the {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN}. Requests with an Authorization header are exempt (a
 * cross-site page cannot set one). Spring's own CsrfFilter cannot express this: the resource server exempts every
 * request its token resolver finds a token in, cookie included.
 */
final class CookieSessionCsrfFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final CsrfTokenRepository tokens;
    private final ErrorResponseWriter errors;

    CookieSessionCsrfFilter(CsrfTokenRepository tokens, ErrorResponseWriter errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (needsCheck(request) && !valid(tokens.loadToken(request), request.getHeader("X-XSRF-TOKEN"))) {
            errors.write(response, ErrorCode.CSRF_TOKEN_INVALID, "Missing or invalid CSRF token");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean needsCheck(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && !"/auth/v1/token".equals(request.getRequestURI())
                && request.getHeader("Authorization") == null
                && SecurityConfiguration.accessCookie(request) != null;
    }

    private static boolean valid(CsrfToken expected, String actual) {
        return expected != null && actual != null && MessageDigest.isEqual(
                expected.getToken().getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
