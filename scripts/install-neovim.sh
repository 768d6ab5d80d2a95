#!/usr/bin/env bash
# Installs a Neovim for the editor check (scripts/check-neovim.sh) and prints the command to run it.
#   scripts/install-neovim.sh debian  - Debian's own `neovim` package (bookworm: 0.7.2, no inlay hints)
#   scripts/install-neovim.sh 0.10    - Debian 13's neovim 0.10.4 unpacked into .tools/ with its own
#                                        libraries (glibc 2.41 among them) and run through that glibc's
#                                        loader; nothing is installed into the system.
# The 0.10 route reads Debian 13's packages from the Debian mirror the system's apt already uses
# (so no host name is written here), with a private apt state under .tools/; Debian 12 has no
# newer Neovim (not in bookworm-backports either).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NVIM_010_VERSION=0.10.4
NVIM_010_HOME="$ROOT/.tools/neovim-$NVIM_010_VERSION"
# neovim's Depends in Debian 13 (plus libc6 and libgcc-s1 themselves, which bookworm has too old).
NVIM_010_PACKAGES=(neovim neovim-runtime libc6 libgcc-s1 libluajit-5.1-2 libmsgpack-c2 libtree-sitter0.22
  libunibilium4 libuv1t64 libvterm0 lua-lpeg lua-luv)

die() { echo "install-neovim: $*" >&2; exit 2; }

need_root_apt() {
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || die "needs root and apt-get (Debian): $*"
}

install_debian() {
  if ! command -v nvim >/dev/null 2>&1; then
    need_root_apt "apt-get install neovim"
    echo "install-neovim: installing Debian's neovim" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || die "apt-get update failed"
    apt-get install -y -qq --no-install-recommends neovim >&2 || die "apt-get install neovim failed"
  fi
  command -v nvim
}

install_010() {
  local wrapper="$NVIM_010_HOME/nvim"
  if [ -x "$wrapper" ] && "$wrapper" --version 2>/dev/null | head -1 | grep -qx "NVIM v$NVIM_010_VERSION"; then
    echo "$wrapper"; return 0
  fi
  need_root_apt "apt-get download of Debian 13's neovim"
  [ "$(dpkg --print-architecture)" = amd64 ] || die "only amd64 is set up (the loader path below)"
  local mirror
  mirror="$(apt-get indextargets --format '$(REPO_URI)' 'Release: bookworm' 'Component: main' 'Identifier: Packages' | head -1)"
  [ -n "$mirror" ] || die "no Debian bookworm main source in the system's apt configuration"
  local state="$ROOT/.tools/neovim-apt"
  rm -rf "$state" "$NVIM_010_HOME"
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/debs" "$NVIM_010_HOME"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" > "$state/sources.list"
  local apt=(-o "Dir::Etc::sourcelist=$state/sources.list" -o Dir::Etc::sourceparts=/nonexistent
    -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache" -o APT::Sandbox::User=root)
  echo "install-neovim: fetching Debian 13's neovim $NVIM_010_VERSION and its libraries" >&2
  apt-get "${apt[@]}" -qq update >&2 || die "apt-get update of Debian 13's package list failed"
  local version
  version="$(apt-cache "${apt[@]}" show neovim | sed -n 's/^Version: //p' | head -1)"
  case "$version" in
    "$NVIM_010_VERSION"-*) ;;
    *) die "Debian 13 now has neovim '$version', not $NVIM_010_VERSION: update NVIM_010_VERSION and the package list" ;;
  esac
  (cd "$state/debs" && apt-get "${apt[@]}" -qq download "${NVIM_010_PACKAGES[@]/%//trixie}" >&2) \
    || die "apt-get download ${NVIM_010_PACKAGES[*]} failed"
  local deb
  for deb in "$state/debs"/*.deb; do
    dpkg-deb -x "$deb" "$NVIM_010_HOME/root"
  done
  rm -rf "$state"
  # The binary needs glibc 2.38+: run it through Debian 13's loader with its libraries first. The
  # loader's --library-path is not inherited, so the language server (java) runs as usual.
  cat > "$wrapper" <<'WRAPPER'
#!/bin/sh
here="$(cd "$(dirname "$0")" && pwd)/root"
export VIMRUNTIME="$here/usr/share/nvim/runtime"
exec "$here/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" \
  --library-path "$here/usr/lib/x86_64-linux-gnu:$here/lib/x86_64-linux-gnu" "$here/usr/bin/nvim" "$@"
WRAPPER
  chmod +x "$wrapper"
  "$wrapper" --version | head -1 | grep -qx "NVIM v$NVIM_010_VERSION" || die "the unpacked nvim does not start"
  echo "$wrapper"
}

case "${1:-}" in
  debian) install_debian ;;
  0.10) install_010 ;;
  *) die "usage: scripts/install-neovim.sh debian|0.10" ;;
esac
