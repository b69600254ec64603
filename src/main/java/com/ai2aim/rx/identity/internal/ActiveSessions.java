package com.ai2aim.rx.identity.internal;

import com.ai2aim.rx.platform.security.Actors;
import com.ai2aim.rx.platform.security.SessionGuard;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers "is this session still live" for every authenticated request. Answers are cached briefly: this node
 * forgets a session the moment it revokes it, other nodes within {@code rx.auth.session-check-seconds}.
 */
@Component
class ActiveSessions implements SessionGuard {

    private final CredentialRepository credentials;
    private final TransactionTemplate transactions;
    private final Cache<UUID, Boolean> cache;

    ActiveSessions(CredentialRepository credentials, TransactionTemplate transactions,
                   @Value("${rx.auth.session-check-seconds:10}") long cacheSeconds) {
        this.credentials = credentials;
        this.transactions = transactions;
        this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(cacheSeconds)).build();
    }

    @Override
    public boolean isActive(UUID sessionId) {
        return cache.get(sessionId, id -> Actors.asService(() -> transactions.execute(s -> credentials.isSessionActive(id))));
    }

    void forget(Collection<UUID> sessionIds) {
        cache.invalidateAll(sessionIds);
    }
}
