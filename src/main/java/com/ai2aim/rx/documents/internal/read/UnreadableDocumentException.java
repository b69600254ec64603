package com.ai2aim.rx.documents.internal.read;

/** The uploaded file cannot be read as the type its bytes claim; the message is safe to show (it holds no content). */
public final class UnreadableDocumentException extends RuntimeException {
    public UnreadableDocumentException(String message) {
        super(message, null, false, false);
    }
}
