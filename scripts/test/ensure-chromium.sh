#!/bin/sh
# Prints the path of a Chromium or Chrome binary, installing Debian's `chromium` package first
# when none is found and we are root with apt-get (as on CI: a clean Debian machine, run as root).
# With --driver it also needs a ChromeDriver for Selenium (the console's browser tests): it
# installs `chromium` and `chromium-driver` when either is missing, and prints two lines, the
# browser's path and then the driver's.
# Exit codes: 0 found (path(s) on stdout), 3 none and cannot install (reason on stderr),
# 4 the installation ran but no binary appeared.
# Used by caveat-report's ReportChromiumTest and caveat-server's console tests; safe to run by
# hand or before `mvn test`.
set -eu

WANT_DRIVER=no
if [ "${1:-}" = "--driver" ]; then
  WANT_DRIVER=yes
fi

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

find_driver() {
  if [ -n "${CHROMEDRIVER_BIN:-}" ] && [ -x "${CHROMEDRIVER_BIN}" ]; then
    printf '%s\n' "${CHROMEDRIVER_BIN}"
    return 0
  fi
  if path=$(command -v chromedriver 2>/dev/null) && [ -n "$path" ]; then
    printf '%s\n' "$path"
    return 0
  fi
  if [ -x /usr/lib/chromium/chromedriver ]; then
    printf '%s\n' /usr/lib/chromium/chromedriver
    return 0
  fi
  return 1
}

found() {
  browser=$(find_browser) || return 1
  if [ "$WANT_DRIVER" = yes ]; then
    driver=$(find_driver) || return 1
    printf '%s\n%s\n' "$browser" "$driver"
  else
    printf '%s\n' "$browser"
  fi
}

if found; then
  exit 0
fi

if [ -n "${CHROME_BIN:-}" ] && [ ! -x "${CHROME_BIN}" ]; then
  echo "ensure-chromium: CHROME_BIN=${CHROME_BIN} is not an executable file; looking elsewhere" >&2
fi

PACKAGES=chromium
WHAT="no chromium, chromium-browser or google-chrome on PATH and CHROME_BIN unset"
if [ "$WANT_DRIVER" = yes ]; then
  PACKAGES="chromium chromium-driver"
  if find_browser >/dev/null; then WHAT="no chromedriver on PATH and CHROMEDRIVER_BIN unset"; fi
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: ${WHAT};" \
    "cannot install (needs root and apt-get). Install ${PACKAGES} or set CHROME_BIN/CHROMEDRIVER_BIN." >&2
  exit 3
fi

echo "ensure-chromium: installing Debian's ${PACKAGES} (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# shellcheck disable=SC2086 # the package list is meant to split
apt-get install -y -qq --no-install-recommends $PACKAGES >&2

if found; then
  exit 0
fi
echo "ensure-chromium: apt-get installed ${PACKAGES} but no browser or driver binary was found on PATH" >&2
exit 4
