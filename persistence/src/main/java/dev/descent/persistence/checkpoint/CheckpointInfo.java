package dev.descent.persistence.checkpoint;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A checkpoint's metadata: which job and attempt wrote it, its kind (the engine's wire name: {@code periodic},
 * {@code final}, {@code polyak-ema}, …), the step and epoch it was taken at, the content's size and SHA-256
 * (lower-case hex), and the metrics at that point.
 */
public record CheckpointInfo(
    UUID id,
    UUID jobId,
    int attempt,
    String kind,
    long step,
    int epoch,
    long sizeBytes,
    String sha256,
    Map<String, Double> metrics,
    Instant createdAt) {}
