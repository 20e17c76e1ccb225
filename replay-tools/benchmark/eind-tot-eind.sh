#!/bin/bash
# simuleer + verstuur of about 1,000,000 messages end to end, then export klantreizen in every
# format: the figures of docs/benchmarks.md ("Gereedschap"). Run from the project root on a quiet
# machine:  bash replay-tools/benchmark/eind-tot-eind.sh [werkmap]
# Starts the engine (embedded PostgreSQL in <werkmap>/data, port 18080) and stops it at the end.
set -euo pipefail
WERK=${1:-/tmp/klantreis-eind-tot-eind}
rm -rf "$WERK"; mkdir -p "$WERK"
export KLANTREIS_DATA_MAP="$WERK/data" PORT=18080
mvn -q -pl replay-tools -am package -DskipTests
TOOL="java -jar replay-tools/target/klantreis-tools.jar"
mvn -q -pl api -am spring-boot:run > "$WERK/engine.log" 2>&1 &
trap 'pkill -f KlantreisApplication || true' EXIT
until curl -sf localhost:$PORT/actuator/health >/dev/null 2>&1; do sleep 2; done
$TOOL simuleer --klanten 83000 --seed 2029 --fouten --uit "$WERK/gemeente.ndjson" --json
$TOOL verstuur "$WERK/gemeente.ndjson" --url http://localhost:$PORT --batch 500 --parallel 4 --json --stil
# The read models catch up (lag 0 in every read model) before anything is exported.
until [ "$(curl -s localhost:$PORT/actuator/prometheus | awk '/^klantreis_projectie_achterstand/ {s+=$2} END {print s+0}')" = "0" ]; do
    sleep 5
done
for formaat in csv jsonl parquet; do
    $TOOL export klantreizen --peilmoment 2026-11-01T00:00:00+01:00 --formaat $formaat \
        --uit "$WERK/klantreizen.$formaat" --json --stil
done
echo "engine resident: $(ps -o rss= -p "$(pgrep -f KlantreisApplication | head -1)" | awk '{printf "%.0f MiB", $1/1024}')"
