package com.ai2aim.rx.audit.internal;

import com.ai2aim.rx.platform.db.PriorityLane;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Where a web request waits for its change records to be chained. Waiting right after the commit would hold the
 * transaction's pooled connection through the chain writer's batch (Spring hands the connection back only after the
 * commit's callbacks), and the request pool is only about two connections per core. So on a request thread the wait
 * is deferred to just before the response body is written ({@link Advice}), when the connection is back in the pool;
 * a response with no body waits when the request ends ({@link Filter}). Elsewhere (jobs, workers) it waits at once.
 */
@Component
public class ChainBarrier {

    private static final Logger log = LoggerFactory.getLogger(ChainBarrier.class);
    private static final String PENDING = ChainBarrier.class.getName() + ".pending";

    private final ChainWriter writer;

    ChainBarrier(ChainWriter writer) {
        this.writer = writer;
    }

    /**
     * Called once a change's records are staged and committed: waits now, or marks the request to wait later. Work in
     * the priority lane does not wait: its records are durable once staged, and the writer is asked to chain them
     * at once, so they reach the trail a batch or two after the response.
     */
    public void committed() {
        if (PriorityLane.active()) {
            writer.nudge();
            return;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(PENDING, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        } else {
            await();
        }
    }

    private void awaitIfPending(HttpServletRequest request) {
        if (request.getAttribute(PENDING) != null) {
            request.removeAttribute(PENDING);
            await();
        }
    }

    private void await() {
        if (!writer.chainStaged()) {
            log.warn("committed audit records are staged but not chained yet; a later batch chains them");
        }
    }

    /** Waits before a body is written (controllers and exception handlers alike). */
    @ControllerAdvice
    static class Advice implements ResponseBodyAdvice<Object> {

        private final ChainBarrier barrier;

        Advice(ChainBarrier barrier) {
            this.barrier = barrier;
        }

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                      Class<? extends HttpMessageConverter<?>> converterType,
                                      ServerHttpRequest request, ServerHttpResponse response) {
            if (request instanceof org.springframework.http.server.ServletServerHttpRequest servlet) {
                barrier.awaitIfPending(servlet.getServletRequest());
            }
            return body;
        }
    }

    /** Waits at the end of a request that wrote no body, so no request ends with its records unchained. */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    static class Filter extends OncePerRequestFilter {

        private final ChainBarrier barrier;

        Filter(ChainBarrier barrier) {
            this.barrier = barrier;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } finally {
                barrier.awaitIfPending(request);
            }
        }
    }
}
