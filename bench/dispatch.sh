#!/usr/bin/env bash
# Dispatch benchmark: a release over SMTP to Postfix's smtp-sink on loopback, next to smtp-source -d sending the
# same number and size of messages over the same number of connections to the same sink.
# Usage: bench/dispatch.sh [RECIPIENTS] [CONNECTIONS]                       (default 20000 4)
#        bench/dispatch.sh [--recipients N] [--connections C] [--xmx SIZE] [--keep] [--java-opts OPTS]
#   --xmx SIZE  runs Broadside with -XmxSIZE (the memory check: --recipients 100000 --xmx 256m)
#   --keep      keeps the generated home, logs and GC log (printed at the end) instead of deleting them
#   --java-opts 'OPTS'  more JVM options for Broadside, e.g. '-XX:StartFlightRecording=filename=/tmp/d.jfr'
set -euo pipefail
cd "$(dirname "$0")/.."

recipients=20000
connections=4
xmx=
keep=false
java_opts=
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --recipients) recipients="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    --java-opts) java_opts="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "dispatch.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -gt 0 ] && recipients="${positional[0]}"
[ ${#positional[@]} -gt 1 ] && connections="${positional[1]}"
for number in "$recipients" "$connections"; do
  [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "dispatch.sh: '$number' is not a positive whole number" >&2; exit 2; }
done

# smtp-sink and smtp-source live in /usr/sbin, often not on a normal user's PATH.
export PATH="$PATH:/usr/sbin:/usr/local/sbin"
for tool in smtp-sink smtp-source; do
  if ! command -v "$tool" >/dev/null; then
    cat >&2 <<EOF
dispatch.sh: $tool not found. It comes with Postfix; on Debian or Ubuntu:
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y postfix
  sudo systemctl disable --now postfix     # only the two test tools are needed, not the mail server
EOF
    exit 2
  fi
done

# The benchmark sets its own settings; the caller's BROADSIDE_* (a PostgreSQL URL, another home) must not leak in.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^BROADSIDE_' || true)

jar=target/broadside.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -DskipTests package >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/broadside-dispatch.XXXXXX")"
sink_pid=
cleanup() {
  if [ -n "$sink_pid" ]; then
    kill "$sink_pid" 2>/dev/null || true
    wait "$sink_pid" 2>/dev/null || true
  fi
  if [ "$keep" = true ]; then
    echo "kept: $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# smtp-sink refuses to run as root unless told which user to become after binding its port.
sink_user=()
[ "$(id -u)" -eq 0 ] && sink_user=(-u nobody)

# A free loopback port: try random ones until the sink stays up and answers.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  smtp-sink "${sink_user[@]}" -c "127.0.0.1:$port" 1024 >"$work/sink.log" 2>&1 &
  sink_pid=$!
  for _ in $(seq 50); do
    if ! kill -0 "$sink_pid" 2>/dev/null; then break; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break 2; fi
    sleep 0.1
  done
  kill "$sink_pid" 2>/dev/null || true
  wait "$sink_pid" 2>/dev/null || true
  sink_pid=
done
[ -n "$sink_pid" ] || { echo "dispatch.sh: could not start smtp-sink on a loopback port" >&2; cat "$work/sink.log" >&2; exit 1; }

java -cp "target/broadside.jar:target/lib/*" bench/DispatchBenchmark.java \
  "$work" "$port" "$work/sink.log" "$recipients" "$connections" "$xmx" "$java_opts"
