package dev.descent.engine.spi;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A consistent snapshot of training. Its content is a DL4J model zip ({@code ModelSerializer}, updater state
 * included) that DL4J code can load with {@code ModelSerializer.restoreMultiLayerNetwork}; for online jobs, instead,
 * {@code dev.descent.engine.online.OnlineSnapshots#encode} of the learner's state (not a zip). {@code kind} is the
 * wire name of a {@link CheckpointKind} ({@code periodic}, {@code final}, {@code polyak-arith}, {@code polyak-ema},
 * numbered averages such as {@code polyak-ema-2}); any other name is refused.
 *
 * <p>The training loop hands over a copy of its state and lets {@link #content} serialize it: a sink that stores
 * checkpoints on another thread keeps serialization off the training thread, which then pays only for the copy.
 */
public record Checkpoint(
    String kind, long step, int epoch, Supplier<byte[]> contentSource, Map<String, Double> metrics) {

  public Checkpoint {
    if (CheckpointKind.fromWire(kind).isEmpty()) {
      throw new IllegalArgumentException("unknown checkpoint kind: " + kind);
    }
  }

  /** A checkpoint whose content is already serialized. */
  public Checkpoint(String kind, long step, int epoch, byte[] content, Map<String, Double> metrics) {
    this(kind, step, epoch, () -> content, metrics);
  }

  /** The serialized content, produced by this call (on the caller's thread) when it was handed over lazily. */
  public byte[] content() {
    return contentSource.get();
  }
}
