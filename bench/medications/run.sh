#!/usr/bin/env bash
# Times InteractionChecker lookups against the shipped knowledge base. Usage: bench/medications/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -o -q compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/classes:$(cat target/bench-classpath.txt)"
mkdir -p target/bench-classes
javac -d target/bench-classes -cp "$CP" bench/medications/InteractionCheckerBench.java
java -cp "target/bench-classes:$CP" InteractionCheckerBench
