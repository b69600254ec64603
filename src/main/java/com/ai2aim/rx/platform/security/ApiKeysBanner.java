package com.ai2aim.rx.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person who just started the service where to go and which anon key a supabase-js client uses. The anon
 * key is public by design (Supabase ships it in browser code); the service-role key is never printed.
 */
@Component
class ApiKeysBanner {

    private static final Logger log = LoggerFactory.getLogger(ApiKeysBanner.class);

    private final TokenSigner signer;
    private final String port;

    ApiKeysBanner(TokenSigner signer, @Value("${local.server.port:${server.port:8080}}") String port) {
        this.signer = signer;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        log.info("AI2AIM RX is up: API docs http://localhost:{}/swagger-ui.html, sign in with POST http://localhost:{}/auth/v1/token?grant_type=password",
                port, port);
        log.info("anon key (for supabase-js createClient): {}", signer.anonKey());
    }
}
