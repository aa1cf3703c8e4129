#!/bin/sh
# Makes sure a Chromium binary exists at /usr/bin/chromium for the real-browser report test
# (test/report-browser.test.ts). Installs it with apt-get when missing; needs root.
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium by hand." >&2
  exit 1
fi

echo "ensure-chromium: $CHROMIUM is missing; installing the chromium package with apt-get …" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >/dev/null; then
  echo "ensure-chromium: apt-get update failed; check the network and the apt sources." >&2
  exit 1
fi
if ! apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
  echo "ensure-chromium: apt-get install chromium failed; install Chromium by hand (are you root?)." >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: the chromium package installed but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)." >&2
