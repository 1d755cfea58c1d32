#!/usr/bin/env bash
# Installs what the end-to-end suite (test/e2e), the Neovim and Emacs tests (test/server/neovim.test.ts,
# emacs.test.ts) and the web-worker test (test/server/browser.test.ts) need, idempotently, so a second run is fast.
# Strategy: (1) Debian packages (chromium, neovim, emacs-nox with elpa-eglot and elpa-markdown-mode, libkrb5-dev for kerberos' native build, ripgrep)
# via apt-get only when one is missing; (2) code-server from the npm registry into the ignored
# folder .cache/cs, made runnable without any download (VS Code's own deps with --ignore-scripts,
# native modules rebuilt locally, ripgrep copied from Debian, the symlinks the server expects);
# a stamp file marks a finished build, and an unfinished one is wiped and redone.
# Safe with CI=true, no stdin and npm_config_yes=true. Paths are relative to the repo root.
set -euo pipefail

CS_VERSION="4.100.3"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CS_DIR="$ROOT/.cache/cs"
STAMP="$CS_DIR/.derivcheck-setup-$CS_VERSION"
export DEBIAN_FRONTEND=noninteractive npm_config_yes=true npm_config_fund=false npm_config_audit=false
export npm_config_update_notifier=false npm_config_loglevel=warn

# node-gyp must build against the installed Node's headers, never download them.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then export npm_config_nodedir=/usr; fi

log() { printf '[e2e-setup %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
started=$SECONDS

# ---- 1. Debian packages -------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
[[ -n $(compgen -G '/usr/share/emacs/site-lisp/elpa-src/eglot-*') ]] || missing+=(elpa-eglot)
[[ -n $(compgen -G '/usr/share/emacs/site-lisp/elpa-src/markdown-mode-*') ]] || missing+=(elpa-markdown-mode)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v krb5-config >/dev/null 2>&1 || missing+=(libkrb5-dev)
# A CJK font, so that chromium draws the Chinese pass's hover (hover-zh-cn.png) in characters, not boxes.
[[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || missing+=(fonts-wqy-microhei)
for tool in make g++ python3; do
	command -v "$tool" >/dev/null 2>&1 || missing+=(build-essential python3)
done
if ((${#missing[@]})); then
	SUDO=()
	if [[ $(id -u) -ne 0 ]]; then
		command -v sudo >/dev/null 2>&1 || { echo "e2e-setup: need root or sudo for apt-get" >&2; exit 1; }
		SUDO=(sudo -n)
	fi
	mapfile -t pkgs < <(printf '%s\n' "${missing[@]}" | sort -u)
	log "apt-get install ${pkgs[*]}"
	"${SUDO[@]}" apt-get update -qq </dev/null
	"${SUDO[@]}" apt-get install -y -qq "${pkgs[@]}" </dev/null >/dev/null
else
	log "apt packages present (chromium, neovim, emacs with eglot and markdown-mode, ripgrep, libkrb5-dev, a CJK font)"
fi

# ---- 2. code-server ----------------------------------------------------------------------
if [[ -f "$STAMP" ]]; then
	log "code-server $CS_VERSION cached in .cache/cs"
else
	log "building code-server $CS_VERSION into .cache/cs (a few minutes, once)"
	rm -rf "$CS_DIR"
	mkdir -p "$CS_DIR"
	npm install --prefix "$CS_DIR" --no-save --ignore-scripts "code-server@$CS_VERSION" </dev/null
	VSC="$CS_DIR/node_modules/code-server/lib/vscode"
	(
		cd "$VSC"
		npm install --omit=dev --ignore-scripts </dev/null
		mkdir -p node_modules/@vscode/ripgrep/bin
		cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
		npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid </dev/null
		ln -sfn node_modules node_modules.asar
		(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
		(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
		(cd extensions && npm install --omit=dev --ignore-scripts </dev/null)
	)
	(cd "$CS_DIR" && npm rebuild argon2 </dev/null)
	# code-server writes a default config into $XDG_CONFIG_HOME: keep it inside the cache.
	version="$(XDG_CONFIG_HOME="$CS_DIR/xdg" node "$CS_DIR/node_modules/code-server/out/node/entry.js" --version </dev/null | tail -n 1)"
	log "code-server says: ${version//$'\n'/ }"
	[[ "$version" == *"$CS_VERSION"* ]] || { echo "e2e-setup: unexpected code-server version" >&2; exit 1; }
	printf '%s\n' "$version" >"$STAMP"
fi

# ---- 3. playwright-core (a devDependency; no browser download, Debian's chromium is used) ------
if [[ ! -d "$ROOT/node_modules/playwright-core" ]]; then
	echo "e2e-setup: node_modules/playwright-core missing; run 'npm ci' first" >&2
	exit 1
fi

log "done in $((SECONDS - started)) s"
