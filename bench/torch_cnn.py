"""PyTorch counterpart of CnnBench: conv3x3(16)-BN-ReLU-pool2, conv3x3(32)-BN-ReLU-pool2, dense 10 on 1x28x28.

Batch 64, Adam, float32, one thread, random data in 8 fixed batches. Prints batch size / median step time on the
thread's CPU clock, "RESULT cnn <samples/s> samples/s", and on the wall clock ("cnn_wall"). With --norm group the
batch norms are GroupNorm(4 groups) and the results are named cnn_gn / cnn_gn_wall (CnnBench -Dbench.norm=groupnorm).
"""
import argparse
import os

# One thread each: torch.set_num_threads does not bound the OpenBLAS pool Debian's torch calls for GEMM.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402  (after the environment is set)
from train_steps import print_throughput, timed_steps  # noqa: E402

BATCH = 64
DISTINCT_BATCHES = 8
WARMUP_STEPS = 10
MEASURED_STEPS = 60


GROUPS = 4


def norm(kind, channels):
    return torch.nn.GroupNorm(GROUPS, channels) if kind == "group" else torch.nn.BatchNorm2d(channels)


def model(kind):
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 3, padding=1), norm(kind, 16), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 3, padding=1), norm(kind, 32), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 10))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=MEASURED_STEPS)
    parser.add_argument("--norm", choices=["batch", "group"], default="batch")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(7)
    net = model(args.norm)
    optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    batches = [(torch.rand(BATCH, 1, 28, 28), torch.arange(BATCH) % 10) for _ in range(DISTINCT_BATCHES)]
    wall, cpu = timed_steps(net, optimizer, loss_fn, lambda step: batches[step % DISTINCT_BATCHES],
                            WARMUP_STEPS + args.steps, WARMUP_STEPS)
    print_throughput("cnn_gn" if args.norm == "group" else "cnn", BATCH, wall, cpu)


if __name__ == "__main__":
    main()
