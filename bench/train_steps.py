"""The timed training loop of the PyTorch counterparts (torch_cnn.py, torch_mlp.py) and their result lines.

Per step zero_grad, forward, cross-entropy, backward, optimizer step and loss.item() (the engine reads the loss every
step too), timed on the wall clock and the thread's CPU clock from fetching the batch on.
"""
import statistics
import time


def timed_steps(model, optimizer, loss_fn, batch_at, total, warmup):
    """Runs steps 0 .. total - 1 on batch_at(step); returns (wall, cpu) seconds of the steps from warmup on."""
    wall, cpu = [], []
    for step in range(total):
        start, start_cpu = time.perf_counter(), time.thread_time()
        x, y = batch_at(step)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        loss.item()
        if step >= warmup:
            wall.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
    return wall, cpu


def print_throughput(name, batch, wall, cpu):
    """Prints batch / median step time: "RESULT <name> ... samples/s" (CPU clock) and <name>_wall (wall clock)."""
    print(f"RESULT {name} {batch / statistics.median(cpu):.3f} samples/s")
    print(f"RESULT {name}_wall {batch / statistics.median(wall):.3f} samples/s")
