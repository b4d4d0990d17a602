# Shared by ./run and ./test: installs what is missing, and is safe to run again.
# Source it; it defines `need_apt`, `need_ui` and sets CARGO_TARGET_DIR.

set -euo pipefail

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/heyat-target}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# need_apt PKG...: installs the Debian packages that are not installed yet.
need_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# What building the app needs (Tauri 2 on Linux: WebKitGTK 4.1).
APP_PACKAGES=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev)

need_toolchain() {
  command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then run again." >&2; exit 1; }
  command -v node >/dev/null || { echo "Node.js 20 or newer is missing: install it, then run again." >&2; exit 1; }
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || { echo "Node.js $major is too old: Vite needs 20 or newer." >&2; exit 1; }
}

# need_ui: installs the UI's npm packages when package-lock.json changed, and builds ui/dist,
# which the app embeds (cargo cannot build src-tauri without it).
need_ui() {
  local stamp="$ROOT/ui/node_modules/.heyat-lock"
  if ! cmp -s "$ROOT/ui/package-lock.json" "$stamp" 2>/dev/null; then
    say "Installing the UI's npm packages (npm ci)"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/ui/package-lock.json" "$stamp"
  fi
  say "Building the UI"
  (cd "$ROOT/ui" && npm run --silent build -- --logLevel warn)
}
