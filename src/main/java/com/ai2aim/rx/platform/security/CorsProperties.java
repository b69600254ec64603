package com.ai2aim.rx.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Which browser origins may call the API ({@code RX_CORS_ORIGINS}, comma-separated patterns). */
@ConfigurationProperties("rx.cors")
record CorsProperties(String allowedOrigins, boolean allowCredentials) {}
