package com.ai2aim.rx.platform.db;

/**
 * Bounds for a prefix search written as a range, {@code column ~>=~ prefix and column ~<~ TextPrefix.end(prefix)}: a
 * prepared statement's generic plan cannot read a prefix out of a {@code LIKE} parameter, and under row-level security
 * {@code LIKE} is not leakproof, but the pattern comparison operators are both index-usable and leakproof.
 */
public final class TextPrefix {

    /** U+10FFFF sorts after every character, in byte order as in any collation. */
    private static final String LAST_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    private TextPrefix() {}

    /** The exclusive upper bound of the strings starting with {@code prefix}. */
    public static String end(String prefix) {
        return prefix + LAST_CHARACTER;
    }
}
