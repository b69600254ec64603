#!/usr/bin/env python3
"""The service's own figures per function, from GET /api/functions and /actuator/prometheus snapshots.

Usage:
  figures.py first api.json metrics.txt
      FIRST lines: firstCallMs (GET /api/functions) and rx_function_first_call_milliseconds (Prometheus).
  figures.py phase api-before.json api-after.json metrics-before.txt metrics-after.txt
      PHASE lines: calls, failed calls and p50/p95/p99 of the successful calls made between the two Prometheus
      snapshots, from the deltas of the rx_function_invocations_seconds histogram buckets (interpolated within a
      bucket, as PromQL's histogram_quantile does). This is exactly the measured phase.
      API lines: GET /api/functions after the phase: invocations and errors since start; its p50/p95/p99 are
      Micrometer's client-side percentiles, which decay over a window of about two minutes (the default
      distribution expiry), so they describe roughly the last two minutes, not the whole time since start.
      COUNT lines: the invocation counts of GET /api/functions before and after, which must differ by PHASE's calls.
Standard library only.
"""
import json
import math
import re
import sys

FUNCTIONS = ("drug-interaction-check", "prescription-verify")
LINE = re.compile(r'^(rx_function_[a-z_]+)\{(.*)\} (\S+)$')


def metrics(path):
    """(name, frozenset of labels) -> value for the rx_function_* series."""
    series = {}
    for line in open(path):
        m = LINE.match(line.strip())
        if m:
            labels = frozenset(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
            series[(m.group(1), labels)] = float(m.group(3))
    return series


def api(path):
    return {f["name"]: f for f in json.load(open(path))["data"]}


def buckets(series, function):
    out = {}
    for (name, labels), value in series.items():
        d = dict(labels)
        if name == "rx_function_invocations_seconds_bucket" and d.get("function") == function and d.get("outcome") == "success":
            out[float(d["le"])] = value
    return out


def counts(series, function):
    """(all calls, failed calls) from the timer's _count per outcome."""
    total = failed = 0.0
    for (name, labels), value in series.items():
        d = dict(labels)
        if name == "rx_function_invocations_seconds_count" and d.get("function") == function:
            total += value
            failed += value if d.get("outcome") != "success" else 0
    return total, failed


def quantile(q, cumulative):
    """histogram_quantile over sorted (upper bound s, cumulative count); milliseconds."""
    if not cumulative or cumulative[-1][1] == 0:
        return None
    rank = q * cumulative[-1][1]
    lower, below = 0.0, 0.0
    for upper, count in cumulative:
        if count >= rank:
            if math.isinf(upper):
                return lower * 1000
            inside = count - below
            return (lower + (upper - lower) * ((rank - below) / inside if inside else 1.0)) * 1000
        lower, below = upper, count
    return lower * 1000


def fmt(value):
    return "n/a" if value is None else f"{value:.2f}"


def first(api_path, metrics_path):
    figures, series = api(api_path), metrics(metrics_path)
    for function in FUNCTIONS:
        gauge = next((v for (name, labels), v in series.items()
                      if name == "rx_function_first_call_milliseconds" and dict(labels).get("function") == function), None)
        f = figures.get(function, {})
        print(f"FIRST {function} service_ms={fmt(f.get('firstCallMs'))} prometheus_ms={fmt(gauge)} "
              f"invocations={f.get('invocations')} errors={f.get('errors')}")


def phase(api_before, api_after, metrics_before, metrics_after):
    before, after = metrics(metrics_before), metrics(metrics_after)
    figures_before, figures_after = api(api_before), api(api_after)
    for function in FUNCTIONS:
        b, a = buckets(before, function), buckets(after, function)
        cumulative = sorted((le, a[le] - b.get(le, 0.0)) for le in a)
        total_b, failed_b = counts(before, function)
        total_a, failed_a = counts(after, function)
        print(f"PHASE {function} calls={int(total_a - total_b)} failed={int(failed_a - failed_b)} "
              f"p50={fmt(quantile(0.5, cumulative))} p95={fmt(quantile(0.95, cumulative))} "
              f"p99={fmt(quantile(0.99, cumulative))}")
        f = figures_after.get(function, {})
        print(f"API {function} invocations={f.get('invocations')} errors={f.get('errors')} p50={fmt(f.get('p50Ms'))} "
              f"p95={fmt(f.get('p95Ms'))} p99={fmt(f.get('p99Ms'))} firstCallMs={fmt(f.get('firstCallMs'))}")
        print(f"COUNT {function} before={figures_before.get(function, {}).get('invocations')} "
              f"after={f.get('invocations')}")


if __name__ == "__main__":
    if sys.argv[1] == "first":
        first(*sys.argv[2:4])
    else:
        phase(*sys.argv[2:6])
