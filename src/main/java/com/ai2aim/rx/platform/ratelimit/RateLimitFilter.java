package com.ai2aim.rx.platform.ratelimit;

import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the per-IP limit to every API call, the per-user limit once the caller is known, and a much tighter
 * per-IP limit to password sign-in. Answers 429 in the envelope with {@code Retry-After}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final ErrorResponseWriter errors;

    public RateLimitFilter(RateLimiter limiter, RateLimitProperties limits, ErrorResponseWriter errors) {
        this.limiter = limiter;
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !limits.enabled() || !(path.startsWith("/api/") || path.startsWith("/auth/") || path.startsWith("/functions/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ip = request.getRemoteAddr();
        RateLimiter.Decision decision = limiter.tryConsume("ip:" + ip, limits.perIpPerMinute());
        if (decision.allowed() && "/auth/v1/token".equals(request.getRequestURI())) {
            decision = limiter.tryConsume("signin:" + ip, limits.signInPerIpPerMinute());
        }
        if (decision.allowed()) {
            var actor = Actors.current();
            if (actor.isPresent() && actor.get().userId() != null) {
                decision = limiter.tryConsume("user:" + actor.get().userId(), limits.perUserPerMinute());
            }
        }
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            errors.write(response, ErrorCode.RATE_LIMITED, "Too many requests; retry after " + decision.retryAfterSeconds() + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
