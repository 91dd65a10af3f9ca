#!/usr/bin/env bash
# Scheduling benchmark: time to arm a 10,000-recipient release over 40 zones, and trigger-to-first-message delay.
# Usage: bench/schedule.sh [recipients] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests package >&2
exec java -cp "target/broadside.jar:target/lib/*" bench/ScheduleBenchmark.java "$@"
