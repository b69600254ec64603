#!/usr/bin/env bash
# Offline extraction accuracy per field and overall, and seconds per page (p50/p95), on a seeded synthetic corpus
# of rendered PDFs and images (rotation, noise). Usage: bench/documents.sh [documents=60] [dpi=200] [seed]
# Needs the Tesseract English model (see README: RX_TESSDATA_DIR; `npm ci --prefix src/test/js` provides it).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile -Djacoco.skip=true
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench-classes bench/results
javac -d target/bench-classes -cp "$CP" bench/documents/DocumentsBench.java
out="bench/results/documents-$(date -u +%Y%m%dT%H%M%SZ).txt"
java -cp "target/bench-classes:$CP" DocumentsBench "${1:-60}" "${2:-200}" ${3:+"$3"} 2>"$out.log" | tee "$out"
echo "written to $out"
