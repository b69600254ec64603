#!/usr/bin/env python3
"""Server-side time per endpoint between two /actuator/prometheus snapshots (http_server_requests_seconds).

Usage: endpoints.py before.txt after.txt. Prints, for each method, URI template and status seen in between, the
request count and the mean time the service spent on it (from the timer's sum and count), slowest first: where the
mix's time goes, which wrk's single latency histogram cannot tell.
"""
import re
import sys

LINE = re.compile(r'^http_server_requests_seconds_(count|sum)\{(.*)\} (\S+)$')


def read(path):
    series = {}
    for line in open(path):
        m = LINE.match(line.strip())
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
        key = (labels.get("method", "?"), labels.get("uri", "?"), labels.get("status", "?"))
        series.setdefault(key, {"count": 0.0, "sum": 0.0})[m.group(1)] += float(m.group(3))
    return series


def main():
    before, after = read(sys.argv[1]), read(sys.argv[2])
    rows = []
    for key, now in after.items():
        then = before.get(key, {"count": 0.0, "sum": 0.0})
        count, seconds = now["count"] - then["count"], now["sum"] - then["sum"]
        if count >= 1 and key[1].startswith("/api/"):
            rows.append((seconds / count * 1000, int(count), key))
    for mean_ms, count, (method, uri, status) in sorted(rows, reverse=True):
        print(f"ENDPOINT {method:6s} {uri:45s} {status}  requests={count:<8d} server-mean={mean_ms:.2f} ms")


if __name__ == "__main__":
    main()
