"""PyTorch counterpart of MlpBench: 784-1024-256-10 ReLU MLP, batch 64, Adam, float32, one thread.

Data: random noise, or with --idx DIR the first --subset images of an IDX folder (the same files MlpBench reads,
scaled to [0, 1] the same way), cycled in order for as many steps as asked; a small subset is memorised and its loss
goes to zero (the converging case). Per step zero_grad, forward, cross-entropy, backward, Adam step and loss.item()
(the engine reads the loss every step too). --name renames the result lines. Prints batch size / median step time on the
thread's CPU clock, "RESULT mlp <samples/s> samples/s", and on the wall clock ("mlp_wall").
"""
import argparse
import os
import statistics
import sys

# One thread each: torch.set_num_threads does not bound the OpenBLAS pool Debian's torch calls for GEMM.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402  (after the environment is set)
from train_steps import print_throughput, timed_steps  # noqa: E402

BATCH = 64
WARMUP_STEPS = 100
MEASURED_STEPS = 150


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=MEASURED_STEPS)
    parser.add_argument("--idx")
    parser.add_argument("--subset", type=int)
    parser.add_argument("--name", default="mlp")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(7)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 1024), torch.nn.ReLU(),
        torch.nn.Linear(1024, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    total = WARMUP_STEPS + args.steps
    if args.idx:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import idx  # noqa: E402
        x, y = idx.read(args.idx, "train", args.subset or total * BATCH)
        repeats = -(-total * BATCH // len(x))
        features = torch.from_numpy(x).repeat(repeats, 1)
        labels = torch.from_numpy(y).repeat(repeats)
    else:
        features = torch.randn(total * BATCH, 784)
        labels = torch.arange(total * BATCH) % 10
    def batch_at(step):
        return features[step * BATCH:(step + 1) * BATCH], labels[step * BATCH:(step + 1) * BATCH]

    wall, cpu = timed_steps(model, optimizer, loss_fn, batch_at, total, WARMUP_STEPS)
    print_throughput(args.name, BATCH, wall, cpu)
    third = len(cpu) // 3
    late_over_early = statistics.median(cpu[-third:]) / statistics.median(cpu[:third])
    print(f"RESULT {args.name}_late_over_early {late_over_early:.3f} x")


if __name__ == "__main__":
    main()
