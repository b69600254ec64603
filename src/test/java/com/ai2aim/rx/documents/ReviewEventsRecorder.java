package com.ai2aim.rx.documents;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records every {@link DocumentNeedsReview} once its transaction commits, as the notifications module will receive
 * it. A plain component in test sources, so every test context has it without a context of its own.
 */
@Component
class ReviewEventsRecorder {

    static final Queue<DocumentNeedsReview> RECEIVED = new ConcurrentLinkedQueue<>();

    @TransactionalEventListener
    void on(DocumentNeedsReview event) {
        RECEIVED.add(event);
    }
}
