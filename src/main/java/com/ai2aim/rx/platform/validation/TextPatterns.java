package com.ai2aim.rx.platform.validation;

/** Regular expressions for {@code @Pattern} that request records of several modules share. */
public final class TextPatterns {

    /**
     * At least one character that is not white space, for optional text that must not be blank when given
     * ({@code @NotBlank} would also refuse it absent).
     */
    public static final String NOT_BLANK = "(?s).*\\S.*";

    private TextPatterns() {}
}
