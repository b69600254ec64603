package com.ai2aim.rx.medications.internal.reference;

import java.text.Normalizer;
import java.util.Locale;

/** Comparison keys for drug names written in different hands: lower case, no accents, single spaces, straight quotes. */
public final class Names {

    private Names() {}

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ").strip();
    }
}
