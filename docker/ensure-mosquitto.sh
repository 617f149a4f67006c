#!/usr/bin/env bash
# Makes sure a Mosquitto broker binary is installed and prints its path on stdout. On a Debian
# machine where we are root it installs the mosquitto package when missing; elsewhere it says
# what to do. It starts no broker: the harness runs its own mosquitto on a free loopback port
# with a generated config. If installing the package started Debian's system broker (port
# 1883), that broker is stopped and disabled again.
# Usage: docker/ensure-mosquitto.sh   (exit 0 and the path when mosquitto is available)
set -euo pipefail

say() { echo "edgetwin: $*" >&2; }

find_mosquitto() {
  local candidate
  for candidate in "$(command -v mosquitto 2>/dev/null || true)" /usr/sbin/mosquitto /usr/local/sbin/mosquitto; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

system_broker_running() { pgrep -x mosquitto >/dev/null 2>&1; }

stop_system_broker() {
  say "stopping the system mosquitto service the package started (the harness runs its own) ..."
  if command -v systemctl >/dev/null 2>&1 && systemctl disable --now mosquitto >/dev/null 2>&1; then
    return 0
  fi
  service mosquitto stop >/dev/null 2>&1 || /etc/init.d/mosquitto stop >/dev/null 2>&1 || true
  update-rc.d mosquitto disable >/dev/null 2>&1 || true
}

if path=$(find_mosquitto); then
  echo "$path"
  exit 0
fi

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  say "no mosquitto found (PATH, /usr/sbin) and this is not a Debian machine where we are root."
  say "Install the Mosquitto broker (Debian/Ubuntu: 'sudo apt-get install mosquitto'; macOS: 'brew install mosquitto';"
  say "others: https://mosquitto.org/download/), make sure 'mosquitto -h' works, then retry."
  exit 2
fi

was_running=false
if system_broker_running; then was_running=true; fi

say "installing mosquitto (Debian package) ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq mosquitto >/dev/null

if ! $was_running && system_broker_running; then
  stop_system_broker
fi

path=$(find_mosquitto) || { say "apt-get installed mosquitto but no mosquitto binary was found"; exit 2; }
echo "$path"
