package com.ai2aim.rx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.instancio.Select.allStrings;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.instancio.Instancio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageQueryTests {

    private static final long SEED = 20_260_517L;
    private static final String DEFAULT_ORDER = "created_at desc, id";
    private static final Map<String, String> SORTABLE = Map.of("email", "lower(email)", "createdAt", "created_at", "role", "role");

    private static PageQuery query(String page, String limit, String sort) {
        return PageQuery.of(page, limit, sort, SORTABLE, DEFAULT_ORDER);
    }

    @Test
    void absentOrBlankParametersMeanFirstPageOfTwentyInDefaultOrder() {
        assertThat(query(null, null, null)).isEqualTo(new PageQuery(1, PageQuery.DEFAULT_LIMIT, DEFAULT_ORDER));
        assertThat(query(" ", "\t", "")).isEqualTo(new PageQuery(1, 20, DEFAULT_ORDER));
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,100", "1000000,100", "' 7 ',' 30 '", "007,010"})
    void acceptsWholeNumbersWithinBounds(String page, String limit) {
        PageQuery q = query(page, limit, null);
        assertThat(q.page()).isEqualTo(Integer.parseInt(page.trim()));
        assertThat(q.limit()).isEqualTo(Integer.parseInt(limit.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1000001", "abc", "1.5", "+1", "0x10", "1e3", "9999999999", "１", "1;drop", "٣"})
    void rejectsAPageThatIsNotAWholeNumberFromOneToAMillion(String page) {
        assertRejected(() -> query(page, null, null), "page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "20.0", "2147483648", "１０"})
    void rejectsALimitOutsideOneToAHundred(String limit) {
        assertRejected(() -> query(null, limit, null), "limit");
    }

    @Test
    void offsetIsComputedInLongArithmetic() {
        assertThat(query("3", "20", null).offset()).isEqualTo(40);
        assertThat(query("1", "5", null).offset()).isZero();
        assertThat(new PageQuery(Integer.MAX_VALUE, 100, DEFAULT_ORDER).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }

    @Test
    void mapsSortFieldsToColumnsWithDirectionAndKeepsTheDefaultAsTieBreaker() {
        assertThat(query(null, null, "email,-createdAt").orderBy()).isEqualTo("lower(email) asc, created_at desc, " + DEFAULT_ORDER);
        assertThat(query(null, null, " -role ").orderBy()).isEqualTo("role desc, " + DEFAULT_ORDER);
    }

    @Test
    void aRepeatedSortFieldKeepsItsFirstDirection() {
        assertThat(query(null, null, "email,-email,email").orderBy()).isEqualTo("lower(email) asc, " + DEFAULT_ORDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", ";drop table users", "email;drop table users", "lower(email)", "created_at", "--email",
            "-", ",email", "email desc", "Email", "1", "email,unknown"})
    void rejectsASortOutsideTheWhitelist(String sort) {
        assertRejected(() -> query(null, null, sort), "sort");
    }

    @Test
    void aRejectedSortEchoesNoCharactersThatCouldBreakOutOfTheMessage() {
        ApiException e = catchApi(() -> query(null, null, "<script>alert(1)</script>;drop table users --" + "x".repeat(100)));
        String message = e.toError().details().get(0).message();
        String echoed = message.substring(message.indexOf('\'') + 1, message.lastIndexOf('\''));
        assertThat(echoed).matches("[A-Za-z0-9_.?-]{1,40}…?").hasSizeLessThanOrEqualTo(41);
        assertThat(message).startsWith("cannot sort by '").endsWith("allowed: " + String.join(", ", SORTABLE.keySet()));
    }

    /** Generated sort strings either order by whitelisted columns only, or are refused; never anything else. */
    @ParameterizedTest
    @MethodSource("generatedSorts")
    void anyGeneratedSortYieldsOnlyWhitelistedColumnsOrIsRejected(String sort) {
        Set<String> allowedTerms = SORTABLE.values().stream()
                .flatMap(c -> Stream.of(c + " asc", c + " desc")).collect(Collectors.toSet());
        PageQuery q;
        try {
            q = query(null, null, sort);
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(e.toError().details()).extracting(ApiError.FieldDetail::field).containsExactly("sort");
            return;
        }
        assertThat(q.orderBy()).endsWith(DEFAULT_ORDER);
        String terms = q.orderBy().substring(0, q.orderBy().length() - DEFAULT_ORDER.length());
        assertThat(Arrays.stream(terms.split(", ")).filter(t -> !t.isEmpty())).allMatch(allowedTerms::contains);
    }

    static Stream<String> generatedSorts() {
        List<String> fields = List.of("email", "-email", "createdAt", "-createdAt", "role", "-role");
        java.util.Random random = new java.util.Random(SEED);
        Stream<String> whitelisted = Stream.generate(() -> Stream.generate(() -> fields.get(random.nextInt(fields.size())))
                .limit(1 + random.nextInt(4)).collect(Collectors.joining(","))).limit(100);
        List<String> noise = Instancio.ofList(String.class).size(200).withSeed(SEED)
                .generate(allStrings(), gen -> gen.string().minLength(1).maxLength(60).unicode())
                .create();
        List<String> mixed = Instancio.ofList(String.class).size(100).withSeed(SEED + 1)
                .generate(allStrings(), gen -> gen.string().minLength(1).maxLength(12).mixedCase())
                .create().stream().map(s -> fields.get(Math.abs(s.hashCode()) % fields.size()) + "," + s).toList();
        return Stream.of(whitelisted, noise.stream(), mixed.stream()).flatMap(s -> s);
    }

    private static void assertRejected(Runnable parse, String field) {
        ApiException e = catchApi(parse);
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(e.toError().details()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo(field);
            assertThat(d.message()).isNotBlank();
        });
    }

    private static ApiException catchApi(Runnable parse) {
        ApiException e = catchThrowableOfType(ApiException.class, parse::run);
        assertThat(e).as("expected an ApiException").isNotNull();
        return e;
    }
}
