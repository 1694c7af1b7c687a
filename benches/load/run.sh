#!/usr/bin/env bash
# Load check of the example server.
#
# Builds the example-server package in release, starts it on a free loopback port and
# sends, route by route, a bounded load (LOAD_N requests over LOAD_CONNECTIONS
# connections, wrk with LOAD_THREADS threads). benches/load/check.lua checks
# EVERY response: status, headers (no CR/LF, content type, Retry-After,
# X-Request-Id, Content-Length), strict JSON syntax and the format's fixed
# prefix, suffix and fragments. Prints a Markdown table on stdout (progress on
# stderr) and exits non-zero if any response did not match, a route did not
# complete its requests, a socket error occurred or the server died.
#
#   benches/load/run.sh                      # 50 000 requests per route, 64 connections
#   LOAD_N=5000 benches/load/run.sh          # quicker
#
# Knobs (environment): LOAD_N (50000), LOAD_CONNECTIONS (64), LOAD_THREADS (2),
# LOAD_MAX_SECS (50: wrk's -d, the per-route bound), LOAD_ROUTES (all five:
# "phala llm choreo k0rdent hexabase"), LOAD_SKIP_BUILD=1.
# Not a test and not run by CI; needs root (or wrk already installed) for apt.
set -euo pipefail

N=${LOAD_N:-50000}
CONNECTIONS=${LOAD_CONNECTIONS:-64}
THREADS=${LOAD_THREADS:-2}
MAX_SECS=${LOAD_MAX_SECS:-50}
ROUTES=${LOAD_ROUTES:-"phala llm choreo k0rdent hexabase"}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
script="$here/check.lua"
log() { printf '%s\n' "$*" >&2; }

# --- 1. wrk ---------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk from Debian"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi

# --- 2. server --------------------------------------------------------------
if [[ "${LOAD_SKIP_BUILD:-0}" != 1 ]]; then
  log "building the example server (release)"
  (cd "$root" && cargo build --release -p example-server >&2)
fi
server_bin="${CARGO_TARGET_DIR:-$root/target}/release/example-server"
[[ -x "$server_bin" ]] || { log "no server binary at $server_bin"; exit 1; }

work=$(mktemp -d)
server_pid=""
wrk_pid=""
cleanup() {
  if [[ -n "$wrk_pid" ]] && kill -0 "$wrk_pid" 2>/dev/null; then kill "$wrk_pid" 2>/dev/null || true; fi
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  # The kernel's choice of an ephemeral port on loopback; a race with another
  # process is possible, so the start below retries.
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

answers() { # does the server answer HTTP on $1?
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/phala/cvms/ping"
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /phala/cvms/ping HTTP/1.0\r\n\r\n' >&3 && head -c 12 <&3 | grep -q HTTP) 2>/dev/null
  fi
}

port=""
for attempt in 1 2 3 4 5; do
  candidate=$(free_port)
  "$server_bin" --addr "127.0.0.1:$candidate" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do # up to 10 s
    if answers "$candidate"; then port=$candidate; break; fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "$port" ]] && break
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  log "server did not start on port $candidate (attempt $attempt): $(cat "$work/server.log")"
done
[[ -n "$port" ]] || { log "could not start the server"; exit 1; }
log "server pid $server_pid on 127.0.0.1:$port"

# --- 3. load, route by route ------------------------------------------------
declare -A describe=(
  [phala]='`GET /phala/cvms/x` | 404 standard'
  [llm]='`POST /llm/v1/chat/completions` | 429 OpenAI style + Retry-After'
  [choreo]='`GET /choreo/components/x` | 422 RFC 9457 problem+json'
  [k0rdent]='`POST /k0rdent/servers/provision` | 207 bulk'
  [hexabase]='`GET /hexabase/workspaces/x` | 503 standard + meta, Retry-After, X-Request-Id'
)

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
rows=()
status=0
problems=()
for route in $ROUTES; do
  [[ -n "${describe[$route]:-}" ]] || { log "unknown route $route"; exit 2; }
  done_file="$work/$route.done"
  : >"$done_file"
  log "route $route: $N requests, $CONNECTIONS connections, $THREADS threads (at most ${MAX_SECS}s)"
  LOAD_ROUTE=$route LOAD_N=$N LOAD_THREADS=$THREADS LOAD_DONE_FILE=$done_file \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MAX_SECS}s" --timeout 5s -s "$script" \
    "http://127.0.0.1:$port" >"$work/$route.out" 2>&1 &
  wrk_pid=$!
  # wrk's main thread sleeps the whole -d; once every thread has reached its
  # share of the requests, SIGINT ends the sleep and wrk reports at once.
  while kill -0 "$wrk_pid" 2>/dev/null; do
    if (($(wc -l <"$done_file") >= THREADS)); then kill -INT "$wrk_pid" 2>/dev/null || true; break; fi
    sleep 0.05
  done
  wait "$wrk_pid" || true
  wrk_pid=""

  result=$(grep '^RESULT ' "$work/$route.out" || true)
  if [[ -z "$result" ]]; then
    log "wrk gave no result for $route:"; cat "$work/$route.out" >&2
    rows+=("| ${describe[$route]} | - | - | - | - | - | - | - |")
    problems+=("$route: wrk gave no result"); status=1; continue
  fi
  declare -A r=()
  for kv in ${result#RESULT }; do r[${kv%%=*}]=${kv#*=}; done
  rows+=("| ${describe[$route]} | ${r[requests]} | ${r[rps]} | ${r[p50_ms]} | ${r[p99_ms]} | ${r[max_ms]} | ${r[failures]} | ${r[sockerr]} |")
  if ((r[failures] != 0)); then
    problems+=("$route: ${r[failures]} non-matching responses; first: $(grep '^FIRST_FAILURE ' "$work/$route.out" | cut -c15- | head -c 400)")
    status=1
  fi
  if ((r[requests] < N || r[checked] != r[requests])); then
    problems+=("$route: ${r[requests]} requests completed, ${r[checked]} checked, wanted $N (raise LOAD_MAX_SECS?)")
    status=1
  fi
  if ((r[sockerr] != 0)); then
    problems+=("$route: socket errors connect ${r[connect]}, read ${r[read]}, write ${r[write]}, timeout ${r[timeout]}")
    status=1
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    problems+=("$route: the server exited: $(cat "$work/server.log")"); status=1; break
  fi
  unset r
done

# --- 5. summary -------------------------------------------------------------
cpus=$(nproc 2>/dev/null || echo '?')
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
wrk_version=$(wrk -v 2>&1 | head -n1 | awk '{print $2}' || true)
echo "Load check: \`benches/load/run.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $cpus cores, load average (1/5/15 min) $load_before before, $load_after after;"
echo "wrk ${wrk_version:-?}, $THREADS threads, $CONNECTIONS connections, $N requests per route, server and client on the same machine (127.0.0.1)."
echo "Every response checked: status, headers, JSON syntax, body shape."
echo
echo "| route | expected | requests | req/s | p50 ms | p99 ms | max ms | non-matching | socket errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
if ((${#problems[@]})); then
  echo
  echo "Problems:"
  printf -- '- %s\n' "${problems[@]}"
fi
exit "$status"
