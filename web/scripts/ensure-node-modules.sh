#!/usr/bin/env bash
# Installs web/node_modules exactly as the lockfile says (npm ci), reusing a copy kept per lockfile hash, so
# a fresh clone (CI) does not install again what an earlier run already installed. Node and npm come from
# Debian's packages when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null; then
  apt-get update -qq && apt-get install -y -qq nodejs npm
fi
key=$(cat package.json package-lock.json | sha256sum | cut -c1-16)
root="$HOME/.cache/jobgraph/web-modules"
cache="$root/$key"
if [ -f "$cache/.complete" ]; then
  rm -rf node_modules
  cp -a "$cache/node_modules" node_modules
else
  npm ci --no-audit --no-fund --loglevel=error
  # One copy only: older lockfiles' copies are dropped.
  rm -rf "$root" && mkdir -p "$cache"
  cp -a node_modules "$cache/node_modules"
  touch "$cache/.complete"
fi
touch node_modules/.lockfile-stamp
