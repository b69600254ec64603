#!/usr/bin/env bash
# Runs the service on http://localhost:8080 with the demo organisations and users (see README.md).
# Builds the jar first when it is missing or older than the sources. Any RX_* variable set by the caller wins;
# arguments are passed to the service (e.g. ./run.sh --rx.auth.lock-minutes=30).
set -euo pipefail
cd "$(dirname "$0")"

export RX_DEMO=${RX_DEMO:-true}

jar=target/rx-0.1.0-SNAPSHOT.jar
if [[ ! -f $jar ]] || [[ -n $(find src/main pom.xml -newer "$jar" -print -quit) ]]; then
    mvn -B -q -DskipTests package
fi

# The newest JDK on the machine runs the service best (on 21+ request threads are virtual; see bench/README.md);
# RX_JAVA names one explicitly.
java_bin=${RX_JAVA:-}
if [[ -z $java_bin ]]; then
    java_bin=java
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*-25-*/bin/java /usr/lib/jvm/*-21-*/bin/java; do
        if [[ -x $candidate ]]; then java_bin=$candidate; break; fi
    done
fi

exec "$java_bin" -jar "$jar" "$@"
