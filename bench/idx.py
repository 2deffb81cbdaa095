"""IDX files for the side-by-side benchmarks: read a folder (plain or gzipped, as Descent reads it), or write a folder
of unlearnable noise (uniform random pixels and labels, seeded) that both sides then train on.

Usage: python3 bench/idx.py noise DIR [IMAGES]   (writes DIR/{train,t10k}-{images-idx3,labels-idx1}-ubyte)
"""
import gzip
import os
import struct
import sys

import numpy as np

NAMES = {"train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
         "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")}


def _open(folder, name):
    plain = os.path.join(folder, name)
    return open(plain, "rb") if os.path.exists(plain) else gzip.open(plain + ".gz", "rb")


def read(folder, part="train", count=None):
    """Images as float32 [N, H*W] scaled to [0, 1] (byte / 255, as Descent does) and int64 labels."""
    images_name, labels_name = NAMES[part]
    with _open(folder, images_name) as f:
        _, n, rows, cols = struct.unpack(">IIII", f.read(16))
        n = n if count is None else min(n, count)
        images = np.frombuffer(f.read(n * rows * cols), dtype=np.uint8).reshape(n, rows * cols)
    with _open(folder, labels_name) as f:
        f.read(8)
        labels = np.frombuffer(f.read(n), dtype=np.uint8)
    return images.astype(np.float32) / np.float32(255), labels.astype(np.int64)


def write_noise(folder, images, seed=7):
    rng = np.random.default_rng(seed)
    os.makedirs(folder, exist_ok=True)
    for part, n in (("train", images), ("test", 64)):
        images_name, labels_name = NAMES[part]
        with open(os.path.join(folder, images_name), "wb") as f:
            f.write(struct.pack(">IIII", 0x803, n, 28, 28))
            f.write(rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8).tobytes())
        with open(os.path.join(folder, labels_name), "wb") as f:
            f.write(struct.pack(">II", 0x801, n))
            f.write(rng.integers(0, 10, size=n, dtype=np.uint8).tobytes())


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "noise":
        write_noise(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 32000)
    else:
        sys.exit(__doc__)
