package com.ai2aim.rx.platform.security;

import com.ai2aim.rx.platform.web.ErrorCode;
import com.ai2aim.rx.platform.web.ErrorResponseWriter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless JWT security, Supabase-style. Bearer tokens come from the {@code Authorization} header or, for
 * browser sessions, from the {@link #ACCESS_COOKIE} cookie; only cookie-authenticated unsafe requests need a CSRF
 * token (double-submit cookie), since a bearer header cannot be forged cross-site.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({JwtProperties.class, CorsProperties.class})
class SecurityConfiguration {

    static final String ACCESS_COOKIE = "rx-access-token";
    static final CookieCsrfTokenRepository CSRF_TOKENS = CookieCsrfTokenRepository.withHttpOnlyFalse();

    @Bean
    JwtSecret jwtSecret(JwtProperties properties) {
        return new JwtSecret(JwtKeys.secret(properties));
    }

    @Bean
    JwtDecoder jwtDecoder(JwtSecret secret, JwtProperties properties) {
        NimbusJwtDecoder hmac = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret.bytes(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        NimbusJwtDecoder jwks = properties.jwksUrl() == null || properties.jwksUrl().isBlank() ? null
                : NimbusJwtDecoder.withJwkSetUri(properties.jwksUrl()).build();
        return new CachingJwtDecoder(hmac, jwks);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ErrorResponseWriter errors, SessionGuard sessions) throws Exception {
        http
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .cors(c -> {})
            .csrf(c -> c.disable()) // replaced by CookieSessionCsrfFilter, which bearer calls skip
            .addFilterBefore(new CookieSessionCsrfFilter(CSRF_TOKENS, errors), BearerTokenAuthenticationFilter.class)
            .httpBasic(b -> b.disable())
            .formLogin(f -> f.disable())
            .logout(l -> l.disable())
            .requestCache(r -> r.disable())
            .anonymous(a -> {})
            .oauth2ResourceServer(o -> o
                .bearerTokenResolver(bearerTokenResolver())
                .jwt(j -> j.jwtAuthenticationConverter(new ActorAuthenticationConverter(sessions)))
                .authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    errors.write(response, ErrorCode.UNAUTHORIZED, "Missing, invalid or expired token");
                }))
            .exceptionHandling(e -> e
                .authenticationEntryPoint((request, response, ex) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    errors.write(response, ErrorCode.UNAUTHORIZED, "Authentication required");
                })
                .accessDeniedHandler((request, response, ex) ->
                    errors.write(response, ErrorCode.FORBIDDEN, "You are not allowed to do this")))
            .authorizeHttpRequests(a -> a
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                .requestMatchers("/error", "/ping").permitAll()
                .requestMatchers(HttpMethod.POST, "/auth/v1/token").permitAll()
                .requestMatchers(HttpMethod.GET, "/auth/v1/settings", "/auth/v1/health").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/auth/v1/admin/**").hasAnyRole("ADMIN", "SERVICE")
                .requestMatchers("/auth/v1/**").hasAnyRole("USER")
                .requestMatchers("/api/**").hasAnyRole("USER", "SERVICE")
                .anyRequest().hasAnyRole("USER", "SERVICE"));
        return http.build();
    }

    /** Spring Security's firewall with the same header rules, checked without regular expressions (see HeaderCharacters). */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        org.springframework.security.web.firewall.StrictHttpFirewall firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.INSTANCE);
        firewall.setAllowedHeaderValues(HeaderCharacters.INSTANCE);
        return firewall;
    }

    /** Security's per-filter observations cost more than the request they observe; HTTP server metrics remain. */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(Arrays.asList(properties.allowedOrigins().split(",")));
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("authorization", "apikey", "content-type", "x-client-info", "x-request-id",
                "idempotency-key", "if-match", "prefer", "x-xsrf-token", "x-supabase-api-version"));
        cors.setExposedHeaders(List.of("x-request-id", "etag", "retry-after", "location"));
        cors.setAllowCredentials(properties.allowCredentials());
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /**
     * Authorization header first (supabase-js and partners), then the browser session cookie, then Supabase's
     * {@code apikey} header (a client that sends only its anon or service key).
     */
    static BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return request -> {
            String token = header.resolve(request);
            if (token == null) {
                token = accessCookie(request);
            }
            if (token == null) {
                String apiKey = request.getHeader("apikey");
                token = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
            }
            return token;
        };
    }

    static String accessCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> ACCESS_COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> !v.isBlank()).findFirst().orElse(null);
    }
}
