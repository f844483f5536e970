#!/usr/bin/env bash
# Installs what Escala needs on a fresh Debian machine, and nothing twice.
# Called by `make run` and `make test`; safe to run again.
set -euo pipefail

# chromium: the browser tests of the playground's page (headless, Debian's own).
packages=(libpcre2-dev libcurl4-openssl-dev libsqlite3-dev pkg-config python3-pip graphviz chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "Swift 6.2 or later is needed: https://www.swift.org/install/linux/" >&2
  exit 1
fi

# The SARIF check in `make test` validates against the OASIS schema.
if ! python3 -c "import jsonschema" 2>/dev/null; then
  python3 -m pip install --quiet jsonschema
fi

# The browser tests drive Debian's Chromium with Playwright for Python (its
# own browser download is neither needed nor possible here).
if ! python3 -c "import playwright.sync_api" 2>/dev/null; then
  python3 -m pip install --quiet playwright
fi
