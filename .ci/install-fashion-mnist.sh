#!/usr/bin/env bash
# Installs Debian's dataset-fashion-mnist (the four original IDX files in /usr/share/datasets/fashion-mnist) when it is
# missing, as root or through sudo; the tests that read the real Fashion-MNIST call this first. Fails, never skips.
set -euo pipefail
FOLDER=/usr/share/datasets/fashion-mnist
[ -f "$FOLDER/train-images-idx3-ubyte.gz" ] && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo -n"; else
  echo "dataset-fashion-mnist is missing and this user can neither install it nor sudo: apt-get install dataset-fashion-mnist" >&2
  exit 1
fi
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q dataset-fashion-mnist >/dev/null
[ -f "$FOLDER/train-images-idx3-ubyte.gz" ]
