package com.ai2aim.rx.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list whose visibility is an OR of conditions on different columns (the organisation's rows, or those sent to its
 * pharmacy, or the user's own), queried as a {@code UNION ALL} of disjoint branches, one per condition.
 *
 * <p>With the OR in one {@code WHERE}, PostgreSQL gathers every matching row of every condition into a bitmap and sorts
 * them all to return one page: a pharmacy's list of dispensed prescriptions read 36,000 rows for 20. A branch each lets every branch
 * walk its own index in the page's order and stop after the page, and lets a bounded count stop at its cap. The
 * branches must not overlap (each excludes the earlier ones), so nothing is returned twice. Row-level security still
 * decides what every branch may see.
 *
 * @param table      the table with its alias, as {@code prescriptions p}
 * @param alias      the alias the order and the conditions use ({@code p}), or the table name when they are unqualified
 * @param conditions the disjoint visibility conditions; one {@code true} branch when the caller sees everything
 */
public record ScopeUnion(String table, String alias, List<String> conditions) {

    public ScopeUnion {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("a scope has at least one branch");
        }
        conditions = List.copyOf(conditions);
    }

    /**
     * The same scope as one OR: for a list already narrowed by a selective filter (one patient's or one prescriber's
     * prescriptions), whose own index finds a few hundred rows, where walking every branch in order would read each
     * branch's rows past the few that match.
     */
    public ScopeUnion asOneCondition() {
        return conditions.size() == 1 ? this
                : new ScopeUnion(table, alias, List.of("(" + String.join(") or (", conditions) + ")"));
    }

    /**
     * Makes the rest of the current transaction use generic plans. A union's custom plan (three branches, each under
     * the row-level-security policy) costs more to make than to run, yet PostgreSQL's plan cache keeps choosing one,
     * so every list was planned afresh (about 2 ms, more than its execution). The branches are index walks for any
     * parameters, so the generic plan is as good for every caller. Call it before the list's statements.
     */
    public static void preferGenericPlans(JdbcClient jdbc) {
        jdbc.sql("select set_config('plan_cache_mode', 'force_generic_plan', true)").query(String.class).single();
    }

    /** Every visible row: one branch. */
    public static ScopeUnion everything(String table, String alias) {
        return new ScopeUnion(table, alias, List.of("true"));
    }

    /**
     * The ids of one page, in {@code orderBy} (which must end in a unique column), for rows matching {@code where}
     * (without the word {@code where}; blank for no filter). Binds {@code :limit}, {@code :offset} and {@code :branchLimit}
     * ({@link #branchLimit}).
     */
    public String pageIds(String where, String orderBy) {
        if (conditions.size() == 1) {
            return "select " + alias + ".id from " + table + " where " + matching(where, conditions.get(0)) + " order by "
                    + orderBy + " limit :limit offset :offset";
        }
        // Each branch's first offset+limit rows hold the page: the union's first offset+limit rows come from them. A
        // branch selects only the id and the sort keys, so an index holding those answers it without visiting rows.
        List<SortTerm> terms = SortTerm.parse(orderBy);
        StringBuilder keys = new StringBuilder(alias + ".id as id");
        StringBuilder outerOrder = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            keys.append(", ").append(terms.get(i).expression()).append(" as sort_key_").append(i);
            outerOrder.append(i == 0 ? "" : ", ").append("sort_key_").append(i).append(terms.get(i).direction());
        }
        String branches = conditions.stream()
                .map(c -> "(select " + keys + " from " + table + " where " + matching(where, c) + " order by " + orderBy
                        + " limit :branchLimit)")
                .collect(Collectors.joining(" union all "));
        return "select id from (" + branches + ") branches order by " + outerOrder + " limit :limit offset :offset";
    }

    /** The filter (possibly blank) and one branch's condition. */
    private static String matching(String where, String condition) {
        return (where.isBlank() ? "" : where + " and ") + "(" + condition + ")";
    }

    /** One term of an ORDER BY: the expression and what follows it (a direction such as desc or asc nulls last, or nothing). */
    record SortTerm(String expression, String direction) {

        private static final Pattern TERM = Pattern.compile("(?i)^(.+?)((?:\\s+(?:asc|desc))?(?:\\s+nulls\\s+(?:first|last))?)$");

        /** Splits at top-level commas, so {@code coalesce(a, b) desc} stays one term. */
        static List<SortTerm> parse(String orderBy) {
            List<SortTerm> terms = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= orderBy.length(); i++) {
                char c = i < orderBy.length() ? orderBy.charAt(i) : ',';
                if (c == '(') depth++;
                if (c == ')') depth--;
                if (c == ',' && depth == 0) {
                    Matcher m = TERM.matcher(orderBy.substring(start, i).trim());
                    if (!m.matches()) {
                        throw new IllegalArgumentException("not an order-by term: " + orderBy.substring(start, i));
                    }
                    terms.add(new SortTerm(m.group(1), m.group(2)));
                    start = i + 1;
                }
            }
            return terms;
        }
    }

    /** How many rows a branch contributes at most to {@code page}. */
    public static long branchLimit(PageQuery page) {
        return page.offset() + page.limit();
    }

    /** The rows matching {@code where}, counted up to {@code :countCap}: the form {@link PageCount#counted} takes. */
    public String boundedCount(String where) {
        // Append reads the branches one after another and the LIMIT stops it, so the count reads at most countCap rows.
        String branches = conditions.stream()
                .map(c -> "select 1 from " + table + " where " + matching(where, c))
                .collect(Collectors.joining(" union all "));
        return "select count(*) from (" + branches + " limit :countCap) counted";
    }
}
