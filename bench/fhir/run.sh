#!/usr/bin/env bash
# FHIR benchmark: starts Relief (target/relief.jar) on a fresh embedded database, imports Synthea
# data through POST /fhir and measures it with ../shared/bench/fhir-bench.py (import, single
# Observation create, Observation searches). JSON results go to OUT (default /tmp/relief-fhir-bench).
#
# usage: bench/fhir/run.sh SYNTHEA_DIR [OUT]
#   SYNTHEA_DIR  a folder of Synthea FHIR bundles, e.g. made by ../shared/bench/synthea-gen.sh 20 /tmp/s
#                (then SYNTHEA_DIR=/tmp/s/fhir)
# Build the jar first: ./mvnw -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:?usage: bench/fhir/run.sh SYNTHEA_DIR [OUT]}
out=${2:-/tmp/relief-fhir-bench}
shared=${SHARED:-../shared}
[ -d "$shared/bench" ] || shared=/work/shared
port=18090
jar=target/relief.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -DskipTests package" >&2; exit 1; }
mkdir -p "$out"
db=$(mktemp -d /tmp/relief-fhir-bench-db-XXXX)
chmod 755 "$db"
secret="bench-client-secret-$RANDOM$RANDOM"

RELIEF_DATA_DIR=$db/data RELIEF_ADMIN_PASSWORD=bench-admin-password-1 PORT=$port \
  RELIEF_API_CLIENT_ID=bench RELIEF_API_CLIENT_SECRET=$secret \
  java -Drelief.identity.token-lifetime=4h -jar "$jar" > "$out/relief.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$db"' EXIT
until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || { echo "Relief exited; see $out/relief.log" >&2; exit 1; }
done

# The API client is registered once the application has started; ask until it is.
for _ in $(seq 1 100); do
  token=$(curl -sf -u "bench:$secret" -d grant_type=client_credentials \
    "http://localhost:$port/oauth2/token" || true)
  [ -n "$token" ] && break
  sleep 0.3
done
FHIR_BEARER=$(echo "$token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
export FHIR_BEARER
export PYTHONPATH=bench/fhir/auth
base=http://127.0.0.1:$port/fhir

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/machine.txt"
echo "data: $(ls "$data"/*.json | wc -l) bundles, $(du -sh "$data" | cut -f1)" | tee -a "$out/machine.txt"
python3 "$shared/bench/fhir-bench.py" import --base "$base" --dir "$data" > "$out/import.json"
python3 bench/fhir/create.py "$shared/bench/fhir-bench.py" create --base "$base" --count 500 > "$out/create.json"
python3 "$shared/bench/fhir-bench.py" search --base "$base" --repeat 30 > "$out/search.json"
curl -sf -H "Authorization: Bearer $FHIR_BEARER" "$base/Patient?_summary=count" > "$out/patients.json" || true
echo "results in $out"
