package dev.descent.engine.spi;

/** Where the training loop hands its checkpoints. */
@FunctionalInterface
public interface CheckpointSink {
  void save(Checkpoint checkpoint);

  CheckpointSink NONE = checkpoint -> {};
}
