package com.ai2aim.rx.jobs;

/**
 * A failure a job explains itself. Its code and message are stored in the run history and sent with alerts, so they
 * must hold no PHI (ids, counts and codes only). Any other exception is recorded by its type alone.
 */
public class JobFailedException extends RuntimeException {

    private final String code;

    public JobFailedException(String code, String safeMessage) {
        super(safeMessage);
        this.code = code;
    }

    public JobFailedException(String code, String safeMessage, Throwable cause) {
        super(safeMessage, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
