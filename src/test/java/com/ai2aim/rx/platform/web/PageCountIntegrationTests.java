package com.ai2aim.rx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.IntegrationTest;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PageCountIntegrationTests {

    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    /** The total of a list whose page came back full, so it has to be counted. */
    PageCount.Total count(int rows, String page, String limit) {
        PageQuery query = PageQuery.of(page, limit, null, Map.of(), "1");
        return PageCount.bounded(JdbcClient.create(owner), "from generate_series(1, :rows) g where g > 0",
                Map.of("rows", rows), query, query.limit());
    }

    @Test
    void aShortPageIsTheLastSoItsTotalNeedsNoCount() {
        JdbcClient jdbc = JdbcClient.create(owner);
        String failsIfRun = "select count(*) from no_such_table limit :countCap";
        assertThat(PageCount.counted(jdbc, failsIfRun, Map.of(), PageQuery.of("3", "20", null, Map.of(), "1"), 7))
                .isEqualTo(new PageCount.Total(47, true));
        assertThat(PageCount.counted(jdbc, failsIfRun, Map.of(), PageQuery.of(null, "20", null, Map.of(), "1"), 0))
                .isEqualTo(new PageCount.Total(0, true));
    }

    @Test
    void anEmptyPagePastTheEndIsCounted() {
        PageQuery beyond = PageQuery.of("9", "20", null, Map.of(), "1");
        assertThat(PageCount.bounded(JdbcClient.create(owner), "from generate_series(1, :rows) g where g > 0",
                Map.of("rows", 37), beyond, 0)).isEqualTo(new PageCount.Total(37, true));
    }

    @Test
    void countsExactlyUpToTheCap() {
        assertThat(count(0, null, null)).isEqualTo(new PageCount.Total(0, true));
        assertThat(count(37, null, null)).isEqualTo(new PageCount.Total(37, true));
        assertThat(count((int) PageCount.CAP, null, null)).isEqualTo(new PageCount.Total(PageCount.CAP, true));
    }

    @Test
    void pastTheCapTheTotalIsALowerBoundAndThereIsANextPage() {
        PageCount.Total total = count(50_000, null, "20");
        assertThat(total).isEqualTo(new PageCount.Total(PageCount.CAP, false));

        PageResult<String> page = PageResult.of(java.util.List.of("a"), PageQuery.of("50", "20", null, Map.of(), "1"), total);
        assertThat(page.pagination().totalExact()).isFalse();
        assertThat(page.pagination().hasNext()).as("page 50 of at least 50").isTrue();
    }

    @Test
    void aPageBeyondTheCapIsCountedFarEnoughToBeShown() {
        assertThat(count(50_000, "60", "20")).isEqualTo(new PageCount.Total(1_200, false));
        assertThat(count(1_150, "60", "20")).isEqualTo(new PageCount.Total(1_150, true));
    }
}
