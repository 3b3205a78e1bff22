#!/usr/bin/env bash
# Installs a REAL VS Code for okra's extension tests, offline-friendly (npm registry + Debian apt
# only): code-server 4.100.3 (= VS Code 1.100.3) from npm, Debian's chromium (driven by the
# project's playwright-core devDependency), libkrb5-dev and ripgrep for code-server's install.
# Idempotent: a second run only checks. Installs into ${OKRA_VSCODE_CACHE:-$HOME/.cache/okra-vscode},
# outside the repository.
#
#   bash test/extension/setup.sh        # ~1 min cold (+ ~35 s apt on a new machine), <1 s warm
set -euo pipefail
CACHE="${OKRA_VSCODE_CACHE:-$HOME/.cache/okra-vscode}"
CS_VERSION=4.100.3
# code-server 4.100.3 pins @vscode/ripgrep 1.15.11, which downloads rg v13.0.0-10 from GitHub.
RG_PKG_VERSION=1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
t0=$SECONDS
say() { printf '[setup %ss] %s\n' "$((SECONDS - t0))" "$*"; }

# 1. Debian packages. chromium: the browser for the workbench; libkrb5-dev: headers for the
#    `kerberos` native module in lib/vscode; ripgrep: stands in for the rg that @vscode/ripgrep
#    would download. build-essential and python3 (node-gyp) come with the image.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  say "apt-get install ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${need[@]}"
fi

CS="$CACHE/cs/node_modules/.bin/code-server"
# code-server writes ~/.config/code-server and ~/.local/share/code-server even for --version.
cs_version() { HOME="$CACHE/home" XDG_CONFIG_HOME="$CACHE/home/.config" XDG_DATA_HOME="$CACHE/home/.local/share" "$CS" --version 2>/dev/null | head -1; }
mkdir -p "$CACHE/home"
if [ -x "$CS" ] && cs_version | grep -q "^$CS_VERSION "; then
  say "code-server $CS_VERSION already installed in $CACHE"
  exit 0
fi

# 2. Pre-seed @vscode/ripgrep's download cache with Debian's rg (it looks in
#    $TMPDIR/vscode-ripgrep-cache-<version>/ before it calls api.github.com, which is unreachable).
export TMPDIR="$CACHE/tmp"
RGC="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$RGC" "$CACHE/rgseed"
cp "$(command -v rg)" "$CACHE/rgseed/rg"
tar czf "$RGC/$RG_ASSET" -C "$CACHE/rgseed" rg

# 3. code-server from npm. Workarounds (see the comments in the recipe this follows):
#    - npm_config_unsafe_perm=true: its postinstall refuses to run as root without it;
#    - npm_config_yes=true: node-pty's postinstall runs `npx node-gyp` (a ~/.npmrc may say yes=false);
#    - argon2's prebuilt download fails offline and node-pre-gyp compiles it instead, against the
#      headers in /usr/include/node (npm_config_nodedir=/usr, or node-gyp downloads them: offline, fails);
#    - allowScripts: npm 11 warns about unapproved install scripts; a stricter npm would block them.
say "npm install code-server@$CS_VERSION (about 40 s)"
rm -rf "$CACHE/cs"
mkdir -p "$CACHE/cs"
cat > "$CACHE/cs/package.json" <<JSON
{"name":"okra-vscode","private":true,"allowScripts":{"code-server@$CS_VERSION":true,"argon2@0.31.2":true}}
JSON
nodedir=()
if [ -z "${npm_config_nodedir:-}" ] && [ -e /usr/include/node/node.h ]; then nodedir=(npm_config_nodedir=/usr); fi
( cd "$CACHE/cs" && env "${nodedir[@]}" npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" )
[ -x "$CACHE/cs/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || { echo "setup: @vscode/ripgrep has no rg binary" >&2; exit 1; }
cs_version
say "done; code-server takes $(du -sh "$CACHE/cs" | cut -f1)"
