#!/bin/sh
# Prints the path of a Chromium or Chrome binary, installing Debian's `chromium` package first
# when none is found and we are root with apt-get (as on CI: a clean Debian machine, run as root).
# Exit codes: 0 found (path on stdout), 3 none and cannot install (reason on stderr),
# 4 the installation ran but no binary appeared.
# Used by caveat-report's ReportChromiumTest; safe to run by hand or before `mvn test`.
set -eu

find_browser() {
  if [ -n "${CHROME_BIN:-}" ] && [ -x "${CHROME_BIN}" ]; then
    printf '%s\n' "${CHROME_BIN}"
    return 0
  fi
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    if path=$(command -v "$name" 2>/dev/null) && [ -n "$path" ]; then
      printf '%s\n' "$path"
      return 0
    fi
  done
  return 1
}

if find_browser; then
  exit 0
fi

if [ -n "${CHROME_BIN:-}" ]; then
  echo "ensure-chromium: CHROME_BIN=${CHROME_BIN} is not an executable file; looking elsewhere" >&2
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: no chromium, chromium-browser or google-chrome on PATH and CHROME_BIN unset;" \
    "cannot install (needs root and apt-get). Install Chromium or set CHROME_BIN." >&2
  exit 3
fi

echo "ensure-chromium: installing Debian's chromium package (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium >&2

if find_browser; then
  exit 0
fi
echo "ensure-chromium: apt-get installed chromium but no browser binary was found on PATH" >&2
exit 4
