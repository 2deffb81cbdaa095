"""PyTorch counterpart of examples/iris-mlp.json, the `tiny` pair of bench/side-by-side.sh: Iris (Descent's shipped
CSV), 80/20 split, standardized on the training part, 4-16-16-3 ReLU MLP, Adam lr 0.01, 60 epochs of batch 16
(480 updates), and after every epoch the training loss and the validation loss and accuracy, as the job does.
Prints the median over --runs runs (after one warm-up run) of the training time in seconds: "RESULT tiny <s> s".
"""
import argparse
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
import torch  # noqa: E402

CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine", "src", "main", "resources",
                   "datasets", "iris.csv")


def data(seed):
    rows = np.loadtxt(CSV, delimiter=",", skiprows=1)
    order = np.random.default_rng(seed).permutation(len(rows))
    x, y = rows[order, :4].astype(np.float32), rows[order, 4].astype(np.int64)
    cut = int(len(x) * 0.8)
    mean, std = x[:cut].mean(0), x[:cut].std(0)
    x = (x - mean) / std
    return [torch.from_numpy(a) for a in (x[:cut], y[:cut], x[cut:], y[cut:])]


def train(seed=42):
    torch.manual_seed(seed)
    xt, yt, xv, yv = data(seed)
    model = torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.ReLU(), torch.nn.Linear(16, 16), torch.nn.ReLU(),
                                torch.nn.Linear(16, 3))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999))
    loss_fn = torch.nn.CrossEntropyLoss()
    start = time.perf_counter()
    for epoch in range(60):
        order = torch.randperm(len(xt))
        total = 0.0
        for i in range(0, len(xt), 16):
            batch = order[i:i + 16]
            optimizer.zero_grad()
            loss = loss_fn(model(xt[batch]), yt[batch])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        with torch.no_grad():
            out = model(xv)
            val_loss = loss_fn(out, yv).item()
            val_accuracy = (out.argmax(1) == yv).float().mean().item()
    return time.perf_counter() - start, val_loss, val_accuracy


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    train()
    times = [train()[0] for _ in range(args.runs)]
    print(f"RESULT tiny {statistics.median(times):.4f} s")


if __name__ == "__main__":
    main()
