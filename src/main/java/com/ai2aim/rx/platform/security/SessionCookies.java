package com.ai2aim.rx.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Browser sessions: the access token in an HttpOnly, SameSite=Strict cookie, plus the CSRF token the page must echo
 * in {@code X-XSRF-TOKEN} on every unsafe request.
 */
public final class SessionCookies {

    private SessionCookies() {}

    public static void issue(HttpServletRequest request, HttpServletResponse response, String accessToken, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(SecurityConfiguration.ACCESS_COOKIE, accessToken)
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").path("/").maxAge(maxAge).build();
        response.addHeader("Set-Cookie", cookie.toString());
        CsrfToken csrf = SecurityConfiguration.CSRF_TOKENS.generateToken(request);
        SecurityConfiguration.CSRF_TOKENS.saveToken(csrf, request, response);
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        ResponseCookie cookie = ResponseCookie.from(SecurityConfiguration.ACCESS_COOKIE, "")
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").path("/").maxAge(0).build();
        response.addHeader("Set-Cookie", cookie.toString());
        SecurityConfiguration.CSRF_TOKENS.saveToken(null, request, response);
    }
}
