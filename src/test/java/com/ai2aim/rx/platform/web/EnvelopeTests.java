package com.ai2aim.rx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EnvelopeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Random RANDOM = new Random(20_260_517L);

    @AfterEach
    void clearRequestContext() {
        RequestContext.clear();
    }

    @ParameterizedTest(name = "page {0} of limit {1} over {2} rows -> {3} pages, next={4}, prev={5}")
    @CsvSource({
            "1, 20, 0, 0, false, false",     // empty list
            "1, 20, 40, 2, true, false",     // exact multiple, first page
            "2, 20, 40, 2, false, true",     // exact multiple, last page
            "3, 20, 41, 3, false, true",     // partial last page
            "2, 20, 41, 3, true, true",
            "1, 1, 1, 1, false, false",
            "5, 10, 21, 3, false, true",     // past the end
            "1, 100, 1000000000000, 10000000000, true, false"})
    void paginationCountsPagesAndNeighbours(int page, int limit, long total, long pages, boolean hasNext, boolean hasPrev) {
        Pagination p = Pagination.of(page, limit, total);
        assertThat(p).isEqualTo(new Pagination(page, limit, total, pages, hasNext, hasPrev, true));
    }

    @RepeatedTest(200)
    void pagesAreTheSmallestCountThatHoldsEveryRow() {
        int limit = 1 + RANDOM.nextInt(PageQuery.MAX_LIMIT);
        long total = RANDOM.nextInt(4) == 0 ? 0 : RANDOM.nextInt(100_000);
        int page = 1 + RANDOM.nextInt(2_000);
        Pagination p = Pagination.of(page, limit, total);
        if (total == 0) {
            assertThat(p.pages()).isZero();
        } else {
            assertThat(p.pages() * limit).isGreaterThanOrEqualTo(total);
            assertThat((p.pages() - 1) * limit).isLessThan(total);
        }
        assertThat(p.hasNext()).isEqualTo(page < p.pages());
        assertThat(p.hasPrev()).isEqualTo(page > 1);
    }

    @Test
    void aPageResultCarriesItsItemsAndPaginationIntoTheEnvelope() {
        PageResult<String> result = PageResult.of(List.of("a", "b"), new PageQuery(2, 2, "id"), 5);
        ApiResponse<List<Integer>> response = ApiResponse.page(result.map(String::length));
        assertThat(response.success()).isTrue();
        assertThat(response.data()).containsExactly(1, 1);
        assertThat(response.pagination()).isEqualTo(new Pagination(2, 2, 5, 3, true, true, true));
        assertThat(response.error()).isNull();
    }

    @Test
    void successSerialisesWithoutErrorOrPaginationAndEchoesTheRequestId() {
        RequestContext.set(new RequestContext.Info("req-123", null, null));
        JsonNode json = JSON.valueToTree(ApiResponse.ok("pong"));
        assertThat(json.path("success").asBoolean()).isTrue();
        assertThat(json.path("data").asString()).isEqualTo("pong");
        assertThat(json.has("error")).isFalse();
        assertThat(json.has("pagination")).isFalse();
        assertThat(json.path("meta").path("requestId").asString()).isEqualTo("req-123");
        assertThat(json.path("meta").has("timestamp")).isTrue();
    }

    @Test
    void failureSerialisesWithoutDataAndOmitsEmptyDetails() {
        JsonNode json = JSON.valueToTree(ApiResponse.failure(ApiError.of(ErrorCode.NOT_FOUND, "User not found")));
        assertThat(json.path("success").asBoolean(true)).isFalse();
        assertThat(json.has("data")).isFalse();
        assertThat(json.path("error").path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(json.path("error").path("message").asString()).isEqualTo("User not found");
        assertThat(json.path("error").has("details")).isFalse();
        assertThat(json.path("meta").path("requestId").asString()).isNotBlank();
    }

    @Test
    void validationFailureListsTheFieldThatFailed() {
        JsonNode json = JSON.valueToTree(ApiResponse.failure(ApiException.invalid("limit", "must be between 1 and 100").toError()));
        assertThat(json.path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(json.path("error").path("details").get(0).path("field").asString()).isEqualTo("limit");
    }

    @Test
    void outsideARequestEachThreadGetsAStableGeneratedRequestId() {
        String first = ApiResponse.ok(1).meta().requestId();
        assertThat(first).isNotBlank().isEqualTo(ApiResponse.ok(2).meta().requestId());
        RequestContext.clear();
        assertThat(ApiResponse.ok(3).meta().requestId()).isNotEqualTo(first);
    }

    @Test
    void anUnexpectedExceptionBecomesABare500WithoutItsMessage() {
        var response = new ApiExceptionHandler().unexpected(new IllegalStateException("SECRET detail for patient 4711"));
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        String json = JSON.writeValueAsString(response.getBody());
        assertThat(json).contains("\"INTERNAL_ERROR\"", "An unexpected error occurred")
                .doesNotContain("SECRET", "4711", "IllegalStateException", "Exception");
    }

    @Test
    void theErrorPageForAnEscapedExceptionShowsNoDetailOfIt() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalArgumentException("SECRET at com.ai2aim.rx.Foo"));
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "SECRET message");
        var response = new ErrorEnvelopeController().error(request);
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(JSON.writeValueAsString(response.getBody())).contains("INTERNAL_ERROR").doesNotContain("SECRET", "com.ai2aim", "Exception");
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @CsvSource({"400, VALIDATION_ERROR", "401, UNAUTHORIZED", "404, NOT_FOUND", "405, METHOD_NOT_ALLOWED", "413, PAYLOAD_TOO_LARGE",
            "415, UNSUPPORTED_MEDIA_TYPE", "429, RATE_LIMITED", "500, INTERNAL_ERROR", "503, INTERNAL_ERROR", "418, VALIDATION_ERROR"})
    void theErrorPageMapsAContainerStatusToAStableCode(int status, ErrorCode code) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        var response = new ErrorEnvelopeController().error(request);
        assertThat(response.getBody().error().code()).isEqualTo(code.name());
        assertThat(response.getStatusCode().value()).isEqualTo(code == ErrorCode.INTERNAL_ERROR ? 500 : status);
    }

    @Test
    void everyErrorCodeMapsToAClientOrServerErrorStatus() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.status().value()).as(code.name()).isBetween(400, 599);
        }
        assertThat(ErrorCode.INTERNAL_ERROR.status().value()).isEqualTo(500);
        assertThat(ErrorCode.PAYLOAD_TOO_LARGE.status().value()).isEqualTo(413);
    }
}
