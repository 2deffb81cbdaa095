package dev.descent.engine.spi;

import java.util.Map;

/**
 * A consistent snapshot of training: {@code content} is a DL4J model zip ({@code ModelSerializer}, updater state
 * included) that DL4J code can load with {@code ModelSerializer.restoreMultiLayerNetwork}; for online jobs, instead,
 * {@code dev.descent.engine.online.OnlineSnapshots#encode} of the learner's state (not a zip). {@code kind} is one
 * of {@code periodic}, {@code best}, {@code final} (later: {@code polyak-arith}, {@code polyak-ema}).
 */
public record Checkpoint(String kind, long step, int epoch, byte[] content, Map<String, Double> metrics) {}
