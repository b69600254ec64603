package com.ai2aim.rx.documents.internal.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values printed after a label ("Patient:", "DOB:", "Reason for referral:"). Labels tolerate what OCR does to them
 * (a semicolon or full stop for the colon, l or 1 for i, 0 for O); each value ends at the end of its line or at the
 * next label on the same line.
 */
final class Labels {

    private static final String SEP = "\\s*[:;.]\\s*";
    static final Pattern NAME = label("(?:Pat[il1|]ent(?: name)?|Name|Re)");
    static final Pattern DOB = Pattern.compile("(?i)\\b(?:D\\.?[O0]\\.?B\\.?|Date of b[il1]rth|Born)\\s*[:;.]?\\s*(?<v>.+)$", Pattern.MULTILINE);
    static final Pattern MRN = Pattern.compile("(?i)\\bMRN\\s*[:;.#]?\\s*(?<v>[A-Z0-9][A-Z0-9-]{3,19})", Pattern.MULTILINE);
    static final Pattern COLLECTED = label("(?:Date of collect[il1]on|Collect[il1]on date|Collected)");
    static final Pattern REPORTED = label("(?:Date reported|Report date|Reported)");
    static final Pattern DATE = label("Date");
    static final Pattern REASON = label("Reason for referral");
    static final Pattern FROM = label("(?:From|Referred by|Referring)");
    static final Pattern TO = label("(?:To|Referred to)");
    static final Pattern URGENCY = label("(?:Urgency|Priority)");
    static final Pattern MEDICATION = label("(?:Rx|Medication|Drug)");
    static final Pattern SIG = label("(?:Sig|S[il1]g|Directions)");
    static final Pattern QUANTITY = Pattern.compile("(?i)\\b(?:Qty|Quantity|Dispense|Disp)\\s*[:;.#]?\\s*(?<v>[0-9OolI|]+)", Pattern.MULTILINE);
    static final Pattern REFILLS = Pattern.compile("(?i)\\bRef[il1]{3}s?\\s*[:;.]?\\s*(?<v>[0-9OolI|]+|none|zero)", Pattern.MULTILINE);
    static final Pattern PRESCRIBER = label("(?:Prescriber|Prescribed by)");

    /** Labels that end a value printed before them on the same line. */
    private static final Pattern NEXT_LABEL = Pattern.compile(
            "(?i)\\s+(?:D\\.?[O0]\\.?B\\.?|Date of b[il1]rth|MRN|Sex|Gender|Qty|Quantity|Refills?|Urgency|Phone|NPI)\\b.*$|,\\s*(?:DOB|Date of birth|born)\\b.*$");

    private Labels() {}

    /** The label at the start of a line, followed by a separator. */
    private static Pattern label(String name) {
        return Pattern.compile("(?im)^" + name + SEP + "(?<v>.+)$");
    }

    static Optional<String> value(Pattern label, String text) {
        Matcher m = label.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String v = NEXT_LABEL.matcher(m.group("v")).replaceFirst("").strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
