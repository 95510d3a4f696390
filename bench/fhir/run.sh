#!/usr/bin/env bash
# FHIR benchmark: starts Relief (target/relief.jar) on a fresh embedded database, imports Synthea
# data through POST /fhir and measures it with ../shared/bench/fhir-bench.py (import, single
# Observation create, Observation searches). Then starts Relief again on another fresh database
# and times the bulk path, POST /api/v1/import of the same folder, twice (the second run finds
# everything present: the idempotent re-import). JSON results go to OUT (default
# /tmp/relief-fhir-bench): import.json, create.json, search.json, bulk.json, bulk-again.json.
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
data=$(cd "$data" && pwd)
pid=
db=
stop_relief() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$db" ]; then rm -rf "$db"; fi
  pid=
  db=
}
trap stop_relief EXIT

# Starts Relief on a fresh database, with the Synthea folder's parent as the bulk import root,
# and sets FHIR_BEARER to a token of the bench client (every scope).
start_relief() {
  db=$(mktemp -d /tmp/relief-fhir-bench-db-XXXX)
  chmod 755 "$db"
  secret="bench-client-secret-$RANDOM$RANDOM"
  RELIEF_DATA_DIR=$db/data RELIEF_ADMIN_PASSWORD=bench-admin-password-1 PORT=$port \
    RELIEF_API_CLIENT_ID=bench RELIEF_API_CLIENT_SECRET=$secret \
    java -Drelief.identity.token-lifetime=4h -Drelief.fhir.bulk-import.root="$(dirname "$data")" \
    -jar "$jar" > "$out/relief-$1.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
    sleep 0.2
    kill -0 "$pid" 2>/dev/null || { echo "Relief exited; see $out/relief-$1.log" >&2; exit 1; }
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
}

start_relief transaction
export PYTHONPATH=bench/fhir/auth
base=http://127.0.0.1:$port/fhir

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/machine.txt"
echo "data: $(ls "$data"/*.json | wc -l) bundles, $(du -sh "$data" | cut -f1)" | tee -a "$out/machine.txt"
python3 "$shared/bench/fhir-bench.py" import --base "$base" --dir "$data" > "$out/import.json"
python3 bench/fhir/create.py "$shared/bench/fhir-bench.py" create --base "$base" --count 500 > "$out/create.json"
python3 "$shared/bench/fhir-bench.py" search --base "$base" --repeat 30 > "$out/search.json"
curl -sf -H "Authorization: Bearer $FHIR_BEARER" "$base/Patient?_summary=count" > "$out/patients.json" || true
stop_relief

# The bulk path on a fresh database: the same folder, imported twice, timed by the client.
start_relief bulk
bulk() {
  curl -sf -o "$out/$1.json" -w '%{time_total}' -X POST "http://localhost:$port/api/v1/import" \
    -H "Authorization: Bearer $FHIR_BEARER" -H 'Content-Type: application/json' \
    -d "{\"folder\": \"$(basename "$data")\"}"
}
for run in bulk bulk-again; do
  seconds=$(bulk "$run")
  python3 - "$out/$run.json" "$seconds" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
seconds = float(sys.argv[2])
t = report["totals"]
entries = sum(t.values())
report["client_seconds"] = seconds
report["entries_per_second"] = round(entries / seconds)
json.dump(report, open(sys.argv[1], "w"), indent=1)
print("%s: %d entries (kept %d, present %d, skipped %d, rejected %d) in %.2f s = %d entries/s"
      % (sys.argv[1].rsplit("/", 1)[-1], entries, t["kept"], t["alreadyPresent"], t["skipped"],
         t["rejected"], seconds, entries / seconds))
PY
done
stop_relief
echo "results in $out"
