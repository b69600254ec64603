package com.ai2aim.rx.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list with its totals. */
public record PageResult<T>(List<T> items, Pagination pagination) {

    public static <T> PageResult<T> of(List<T> items, PageQuery query, long total) {
        return new PageResult<>(items, Pagination.of(query.page(), query.limit(), total));
    }

    public static <T> PageResult<T> of(List<T> items, PageQuery query, PageCount.Total total) {
        return new PageResult<>(items, Pagination.of(query.page(), query.limit(), total.value(), total.exact()));
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), pagination);
    }
}
