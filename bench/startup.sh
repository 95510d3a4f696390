#!/usr/bin/env bash
# Measures start-up to healthy: java -jar target/relief.jar on an empty embedded database (first
# start: initdb + migrations) and again on the same data (restart), N times each.
# Usage: bench/startup.sh [runs]   (build the jar first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
jar=target/relief.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -DskipTests package" >&2; exit 1; }

measure() {
  local dir=$1 start end pid
  start=$(date +%s%N)
  RELIEF_DATA_DIR=$dir RELIEF_ADMIN_PASSWORD=bench-admin-password PORT=$port \
    java -jar "$jar" > "$dir.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" | grep -q '"UP"'; do
    sleep 0.05
    kill -0 "$pid" 2>/dev/null || { echo "Relief exited; see $dir.log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/relief-startup-XXXX); chmod 755 "$dir"
  first=$(measure "$dir/data")
  again=$(measure "$dir/data")
  echo "run $i: empty database ${first} ms, restart ${again} ms"
  rm -rf "$dir"
done
