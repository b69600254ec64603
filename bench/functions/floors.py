"""Percentiles of pgbench per-transaction logs (-l): floors.py <label> <log file>... prints
FLOOR <label> n= p50= p95= p99= (ms). The third column of each line is the transaction's latency in microseconds."""
import sys


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))]


label, files = sys.argv[1], sys.argv[2:]
latencies = sorted(int(line.split()[2]) / 1000 for name in files for line in open(name) if line.strip())
if not latencies:
    print(f"FLOOR {label} n=0")
else:
    print(f"FLOOR {label} n={len(latencies)} " + " ".join(
        f"p{p}={percentile(latencies, p):.2f}" for p in (50, 95, 99)))
