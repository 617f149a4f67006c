#!/usr/bin/env bash
# Makes sure Debian's chromium is installed: the report screenshot test (ReportScreenshotIT) opens
# report.html in headless Chromium. Idempotent: does nothing when chromium is already there.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing chromium (apt-get install chromium) ..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi
echo "ensure-chromium: chromium is missing; install it (Debian: apt-get install chromium) and retry." >&2
exit 2
