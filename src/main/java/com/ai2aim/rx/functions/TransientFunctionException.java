package com.ai2aim.rx.functions;

/**
 * A failure that may pass if the same input is tried again shortly (a partner that timed out, a lock conflict). The
 * runtime retries it; its message goes only to the log, never to the client, so it must hold no PHI.
 */
public class TransientFunctionException extends RuntimeException {

    public TransientFunctionException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientFunctionException(String message) {
        super(message);
    }
}
