package com.ai2aim.rx.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests allowed per minute: per signed-in user, per client IP, and per IP on the sign-in endpoint (on top of the
 * account lockout). {@code syncTokens} is how many tokens a node may spend before syncing with PostgreSQL.
 */
@ConfigurationProperties("rx.rate-limit")
public record RateLimitProperties(boolean enabled, long perUserPerMinute, long perIpPerMinute,
                                  long signInPerIpPerMinute, long syncTokens) {}
