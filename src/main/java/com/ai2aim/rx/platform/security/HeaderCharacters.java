package com.ai2aim.rx.platform.security;

import java.util.function.Predicate;

/**
 * The firewall's header check without regular expressions. Spring Security's default checks every header value
 * against Unicode-property patterns each time it is read; a bearer token is read several times per request, and that
 * check alone cost more CPU than the rest of an authenticated request. Same rule: no control characters, and only
 * assigned code points.
 */
final class HeaderCharacters implements Predicate<String> {

    static final HeaderCharacters INSTANCE = new HeaderCharacters();

    private HeaderCharacters() {}

    @Override
    public boolean test(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII, the overwhelmingly common case
            }
            if (Character.isISOControl(c) || !Character.isDefined(c)) {
                return false;
            }
        }
        return true;
    }
}
