#!/usr/bin/env bash
# Makes sure Debian's docker-registry (the image registry the swarm engine starts for a run) is
# installed and prints its path on stdout. On a Debian machine where we are root it installs the
# package when missing; elsewhere it says what to do. It starts no registry: a swarm run starts
# its own on a free port with a store in the run directory. If installing the package started
# Debian's system registry service (port 5000), that service is stopped and disabled again.
# Usage: docker/ensure-registry.sh   (exit 0 and the path when docker-registry is available)
set -euo pipefail

say() { echo "edgetwin: $*" >&2; }

find_registry() {
  local candidate
  for candidate in "$(command -v docker-registry 2>/dev/null || true)" /usr/bin/docker-registry /usr/local/bin/docker-registry; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if path=$(find_registry); then
  echo "$path"
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  say "no docker-registry found and this is not a Debian machine where we are root."
  say "Install Debian's docker-registry ('sudo apt-get install docker-registry'), or give swarm runs"
  say "a registry every node can pull from with --registry HOST:PORT (docs/scale.md)."
  exit 2
fi

was_running=false
if pgrep -x docker-registry >/dev/null 2>&1; then was_running=true; fi

say "installing docker-registry (Debian package) ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq docker-registry >/dev/null

if ! $was_running && pgrep -x docker-registry >/dev/null 2>&1; then
  say "stopping the system docker-registry service the package started (a swarm run starts its own) ..."
  if ! { command -v systemctl >/dev/null 2>&1 && systemctl disable --now docker-registry >/dev/null 2>&1; }; then
    service docker-registry stop >/dev/null 2>&1 || /etc/init.d/docker-registry stop >/dev/null 2>&1 || true
    update-rc.d docker-registry disable >/dev/null 2>&1 || true
  fi
fi

path=$(find_registry) || { say "apt-get installed docker-registry but no docker-registry binary was found"; exit 2; }
echo "$path"
