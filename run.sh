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

# OCR of scanned documents needs Tesseract's English model, which the repository does not carry. When none is found
# where the service looks (docs/documents.md), fetch it once from npm into the data directory.
data_dir=${RX_DATA_DIR:-./.rx-data}
has_model() {
    [[ -n ${RX_TESSDATA_DIR:-} ]] && compgen -G "$RX_TESSDATA_DIR/eng.traineddata*" >/dev/null && return 0
    compgen -G "$data_dir/tessdata/eng.traineddata*" >/dev/null && return 0
    [[ -f src/test/js/node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz ]] && return 0
    compgen -G "/usr/share/tesseract-ocr/*/tessdata/eng.traineddata" >/dev/null
}
if ! has_model; then
    if command -v npm >/dev/null; then
        npm install --silent --no-audit --no-fund --prefix "$data_dir/tessdata-npm" @tesseract.js-data/eng@1.0.0
        mkdir -p "$data_dir/tessdata"
        cp "$data_dir/tessdata-npm/node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz" "$data_dir/tessdata/"
    else
        echo "run.sh: no Tesseract English model and no npm to fetch it; uploads that need OCR will fail until RX_TESSDATA_DIR names one" >&2
    fi
fi

exec "$java_bin" -jar "$jar" "$@"
