package com.ai2aim.rx.communications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ai2aim.rx.platform.web.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParametersTests {

    @Test
    void aDateStartsAtMidnightUtcAndAsAnEndIncludesTheWholeDay() {
        assertThat(TimeParameters.start("from", "2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(TimeParameters.end("to", "2026-03-01")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void dateTimesKeepTheirOffset() {
        assertThat(TimeParameters.start("from", "2026-03-01T09:30:00+02:00")).isEqualTo(Instant.parse("2026-03-01T07:30:00Z"));
        assertThat(TimeParameters.end("to", " 2026-03-01T09:30:00Z ")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    }

    @Test
    void absentOrBlankMeansNoBound() {
        assertThat(TimeParameters.start("from", null)).isNull();
        assertThat(TimeParameters.end("to", "  ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-13-01", "2026-02-30T00:00:00Z", "2026-03-01T09:30", "+999999999-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z", "1'; drop table x"})
    void unreadableOrOutOfRangeTimesAreRefusedNamingTheParameter(String raw) {
        assertThatThrownBy(() -> TimeParameters.start("from", raw)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.toError().details()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("from")));
    }
}
