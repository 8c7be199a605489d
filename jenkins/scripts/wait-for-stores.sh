#!/usr/bin/env bash
# Waits until the pod's MySQL and Redis side-cars accept connections (TEST_MYSQL_URL, TEST_REDIS_URL).
# The official mysql image initialises with networking off, so an open TCP port means it is ready.
#   jenkins/scripts/wait-for-stores.sh [seconds]
set -euo pipefail

limit=${1:-120}

host_port() {
  # mysql://user@host:port/... -> "host port"
  local rest=${1#*://}
  rest=${rest#*@}
  rest=${rest%%/*}
  echo "${rest%%:*} ${rest##*:}"
}

wait_for() {
  local name=$1 host=$2 port=$3 waited=0
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    if [ "$waited" -ge "$limit" ]; then
      echo "wait-for-stores.sh: $name at $host:$port did not answer within ${limit}s" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "wait-for-stores.sh: $name at $host:$port is up (${waited}s)"
}

# shellcheck disable=SC2046 # host_port prints two words on purpose
wait_for mysql $(host_port "${TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306}")
# shellcheck disable=SC2046
wait_for redis $(host_port "${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}")
