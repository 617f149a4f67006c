#!/usr/bin/env bash
# Makes sure a Docker engine answers. On a Debian machine where we are root it installs
# docker.io when missing and starts dockerd in the background; elsewhere it says what to do.
# Usage: docker/ensure-engine.sh   (exit 0 when `docker info` answers)
set -euo pipefail

log_file=${EDGETWIN_DOCKERD_LOG:-/var/log/edgetwin-dockerd.log}
socket=/var/run/docker.sock

say() { echo "edgetwin: $*" >&2; }

engine_answers() { docker info >/dev/null 2>&1; }

if command -v docker >/dev/null 2>&1 && engine_answers; then
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  say "no Docker engine answers and this is not a Debian machine where we are root."
  say "Install Docker (https://docs.docker.com/engine/install/), start it, make sure 'docker info' works, then retry."
  exit 2
fi

if ! command -v dockerd >/dev/null 2>&1; then
  say "installing docker.io (Debian package) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq docker.io >/dev/null
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  say "starting dockerd (log: $log_file) ..."
  # dockerd outlives this script: it must not inherit descriptors above 2, above all a lock the
  # caller holds (`flock /tmp/edgetwin-docker.lock ...`), or that lock stays held while dockerd runs.
  (
    for fd in /proc/self/fd/*; do
      n=${fd##*/}
      if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi
    done 2>/dev/null
    exec nohup dockerd >"$log_file" 2>&1
  ) &
fi

for _ in $(seq 1 120); do
  if [ -S "$socket" ] && engine_answers; then
    say "Docker engine is up."
    exit 0
  fi
  sleep 0.5
done
say "dockerd did not answer within 60 s; see $log_file"
tail -n 20 "$log_file" >&2 || true
exit 2
