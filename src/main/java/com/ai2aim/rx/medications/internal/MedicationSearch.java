package com.ai2aim.rx.medications.internal;

import com.ai2aim.rx.medications.Ndc;
import com.ai2aim.rx.platform.web.ApiException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * One search box for three kinds of term: an NDC in any of its 10- or 11-digit forms, an RxCUI, or a name (prefix or
 * misspelt). Digits with hyphens, or 10–11 bare digits, are NDCs; up to 9 bare digits are an RxCUI; anything else is
 * a name.
 */
@Component
public class MedicationSearch {

    static final int MAX_LIMIT = 100;
    private static final Pattern NDC_SHAPE = Pattern.compile("[0-9]+(-[0-9]+)+|[0-9]{10,11}");
    private static final Pattern RXCUI = Pattern.compile("[0-9]{1,9}");

    /** What kind of term the query is. */
    enum Kind { NDC, RXCUI, NAME }

    private final MedicationRepository medications;

    MedicationSearch(MedicationRepository medications) {
        this.medications = medications;
    }

    static Kind kind(String q) {
        if (NDC_SHAPE.matcher(q).matches()) {
            return Kind.NDC;
        }
        return RXCUI.matcher(q).matches() ? Kind.RXCUI : Kind.NAME;
    }

    /** Validated search for the HTTP API: a bad term is a 400 that names the field. */
    List<MedicationDetails> search(String rawQuery, int limit, Visibility visibility) {
        String q = rawQuery == null ? "" : rawQuery.strip();
        if (q.length() < 2 || q.length() > 100) {
            throw ApiException.invalid("q", "must be 2 to 100 characters");
        }
        return switch (kind(q)) {
            case NDC -> {
                List<String> candidates = Ndc.candidates(q).stream().map(Ndc::value).toList();
                if (candidates.isEmpty()) {
                    throw ApiException.invalid("q", "is not a valid NDC (4-4-2, 5-3-2, 5-4-1 or 5-4-2 digits)");
                }
                yield medications.searchByNdc(candidates, limit, visibility);
            }
            case RXCUI -> medications.searchByRxcui(q, limit, visibility);
            case NAME -> medications.searchByName(q, limit, visibility);
        };
    }

    /** Lenient search for other modules: a term that cannot match anything finds nothing. */
    List<MedicationDetails> lenient(String rawQuery, int limit, Visibility visibility) {
        try {
            return search(rawQuery, Math.max(1, Math.min(limit, MAX_LIMIT)), visibility);
        } catch (ApiException e) {
            return List.of();
        }
    }
}
