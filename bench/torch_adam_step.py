"""PyTorch counterpart of AdamStepBench: one torch.optim.Adam step on 10M float32 parameters, one thread.

Prints "RESULT adam_step <ms> ms" (median over the measured steps, thread CPU time).
"""
import os
import statistics
import time

# One thread each: torch.set_num_threads does not bound the OpenBLAS pool Debian's torch calls for GEMM.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402  (after the environment is set)

PARAMETERS = 10_000_000
WARMUP = 5
STEPS = 30


def main():
    torch.set_num_threads(1)
    param = torch.nn.Parameter(torch.rand(PARAMETERS))
    param.grad = torch.rand(PARAMETERS)
    optimizer = torch.optim.Adam([param], lr=1e-3)
    step_seconds = []
    for step in range(WARMUP + STEPS):
        start = time.thread_time()
        optimizer.step()
        if step >= WARMUP:
            step_seconds.append(time.thread_time() - start)
    print(f"RESULT adam_step {statistics.median(step_seconds) * 1000:.3f} ms")


if __name__ == "__main__":
    main()
