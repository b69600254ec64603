package com.ai2aim.rx.notifications.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent-Event streams open on this copy of the service, per user. An event is the inbox item as JSON
 * ({@code event: notification}); a comment line keeps idle connections (and proxies) from timing out.
 */
@Component
class LiveStreams {

    private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final long timeoutMs;

    LiveStreams(NotificationProperties properties) {
        this.timeoutMs = properties.sseTimeoutMs();
    }

    SseEmitter open(UUID userId) {
        SseEmitter emitter = new SseEmitter(timeoutMs);
        Set<SseEmitter> mine = streams.computeIfAbsent(userId, k -> new CopyOnWriteArraySet<>());
        mine.add(emitter);
        Runnable remove = () -> {
            mine.remove(emitter);
            streams.computeIfPresent(userId, (k, set) -> set.isEmpty() ? null : set);
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            // Tells the client the stream is open, so it knows everything from now on will reach it.
            emitter.send(SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    void publish(UUID userId, NotificationRepository.InboxItem item) {
        for (SseEmitter emitter : streams.getOrDefault(userId, Set.of())) {
            try {
                emitter.send(SseEmitter.event().id(item.id().toString()).name("notification").data(item, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }
    }

    void heartbeat() {
        streams.values().forEach(set -> set.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }));
    }

    int openCount() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }
}
