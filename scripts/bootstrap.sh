#!/usr/bin/env bash
# Installs what a fresh machine lacks for building and testing this project.
#   scripts/bootstrap.sh maven   - Maven 3.9.x into .tools/ (Tycho needs it; Debian ships 3.8.7)
#   scripts/bootstrap.sh ui      - Xvfb and GTK 3 for the Eclipse UI tests (Debian packages)
#   scripts/bootstrap.sh node    - Node.js and npm for the VS Code extension (Debian packages)
#   scripts/bootstrap.sh all     - all three
#   scripts/bootstrap.sh python  - Debian's python3-torch, python3-onnx, python3-numpy and python3-h5py, which
#                                  the scripts of examples/import need (not the build)
# Maven is fetched as an ordinary artifact from the Maven repository the system Maven already
# uses, so no host name is written here; the archive is checked against a pinned SHA-512.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAVEN_VERSION=3.9.11
MAVEN_SHA512=bcfe4fe305c962ace56ac7b5fc7a08b87d5abd8b7e89027ab251069faebee516b0ded8961445d6d91ec1985dfe30f8153268843c89aa392733d1a3ec956c9978
MAVEN_HOME="$ROOT/.tools/apache-maven-$MAVEN_VERSION"

die() { echo "bootstrap: $*" >&2; exit 2; }

ensure_maven() {
  [ -x "$MAVEN_HOME/bin/mvn" ] && return 0
  command -v mvn >/dev/null 2>&1 || die "a system Maven (any 3.x) is needed to fetch Maven $MAVEN_VERSION; install it with 'apt-get install maven'."
  local tmp; tmp="$(mktemp -d)"
  echo "bootstrap: fetching Maven $MAVEN_VERSION into .tools/ (one time)" >&2
  # Run from the empty temporary folder: in the repository, Maven would read the project's poms
  # (whose Tycho extension the system Maven cannot load).
  (cd "$tmp" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.apache.maven:apache-maven:$MAVEN_VERSION:tar.gz:bin" \
      -DoutputDirectory="$tmp" >&2) \
    || die "could not fetch org.apache.maven:apache-maven:$MAVEN_VERSION from the Maven repository (offline?)."
  local archive="$tmp/apache-maven-$MAVEN_VERSION-bin.tar.gz"
  echo "$MAVEN_SHA512  $archive" | sha512sum -c --quiet - \
    || die "checksum mismatch for $archive; refusing to use it."
  mkdir -p "$ROOT/.tools"
  tar -xzf "$archive" -C "$ROOT/.tools"
  rm -rf "$tmp"
}

ensure_ui() {
  local missing=()
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
  ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0)
  command -v import >/dev/null 2>&1 || missing+=(imagemagick)
  apt_install "the Eclipse UI tests" "${missing[@]}"
}

ensure_node() {
  local missing=()
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  apt_install "the VS Code extension (scripts/build-vscode-extension.sh)" "${missing[@]}"
}

ensure_python() {
  local missing=() p
  for p in python3-torch python3-onnx python3-numpy python3-h5py; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  apt_install "the scripts of examples/import" "${missing[@]}"
}

apt_install() { # what needs them, packages...
  local what="$1"; shift
  [ $# -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "$what needs the Debian packages: $*. Install them as root (apt-get install $*)."
  fi
  echo "bootstrap: installing $* (Debian packages for $what)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "$@" >&2 || die "apt-get install $* failed"
}

case "${1:-all}" in
  maven) ensure_maven ;;
  ui) ensure_ui ;;
  node) ensure_node ;;
  all) ensure_maven; ensure_ui; ensure_node ;;
  python) ensure_python ;;
  *) die "usage: scripts/bootstrap.sh [maven|ui|node|all|python]" ;;
esac
