package com.ai2aim.rx.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ai2aim.rx.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The union of disjoint branches pages and counts exactly as the one query with the OR does. */
@IntegrationTest
class ScopeUnionIntegrationTests {

    private static final String ROWS = """
            (select g as id, g % 7 as org, g % 5 as pharmacy, g % 11 as owner, g % 3 as status, (g * 37) % 101 as rank
             from generate_series(1, 1200) g)""";
    private static final String OR = "(r.org = :org or r.pharmacy = :org or r.owner = :owner)";
    private static final ScopeUnion SCOPE = new ScopeUnion(ROWS + " r", "r", List.of(
            "r.org = :org",
            "r.pharmacy = :org and r.org is distinct from :org",
            "r.owner = :owner and r.org is distinct from :org and r.pharmacy is distinct from :org"));

    @Autowired @Qualifier("ownerDataSource") DataSource owner;

    @Test
    void everyPageHoldsTheRowsTheOrQueryReturnsInTheSameOrder() {
        JdbcClient jdbc = JdbcClient.create(owner);
        String order = "r.rank desc, r.id";
        Map<String, Object> params = Map.of("org", 2, "owner", 4, "status", 1);
        String where = "r.status = :status";
        List<Integer> expected = jdbc.sql("select r.id from " + ROWS + " r where " + where + " and " + OR + " order by " + order)
                .params(params).query(Integer.class).list();
        assertThat(expected).hasSizeGreaterThan(100);

        List<Integer> paged = new ArrayList<>();
        for (int page = 1; page <= expected.size() / 15 + 2; page++) {
            PageQuery query = PageQuery.of(String.valueOf(page), "15", null, Map.of(), order);
            paged.addAll(jdbc.sql(SCOPE.pageIds(where, order)).params(params).param("limit", query.limit())
                    .param("offset", query.offset()).param("branchLimit", ScopeUnion.branchLimit(query))
                    .query(Integer.class).list());
        }
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void theBoundedCountStopsAtTheCapAcrossBranches() {
        JdbcClient jdbc = JdbcClient.create(owner);
        Map<String, Object> params = Map.of("org", 2, "owner", 4, "status", 1);
        long all = jdbc.sql("select count(*) from " + ROWS + " r where r.status = :status and " + OR).params(params)
                .query(Long.class).single();
        assertThat(jdbc.sql(SCOPE.boundedCount("r.status = :status")).params(params).param("countCap", 1_000)
                .query(Long.class).single()).isEqualTo(all);
        assertThat(jdbc.sql(SCOPE.boundedCount("r.status = :status")).params(params).param("countCap", 10)
                .query(Long.class).single()).isEqualTo(10);
    }

    @Test
    void sortTermsSplitAtTopLevelCommasAndKeepTheirDirection() {
        assertThat(ScopeUnion.SortTerm.parse("lower(last_name) asc, coalesce(a, b) DESC nulls last, p.id")).containsExactly(
                new ScopeUnion.SortTerm("lower(last_name)", " asc"),
                new ScopeUnion.SortTerm("coalesce(a, b)", " DESC nulls last"),
                new ScopeUnion.SortTerm("p.id", ""));
    }
}
