package dev.descent.engine.predict;

import java.util.Optional;

/**
 * What a network answers for a batch of rows: its outputs (class probabilities or regression values, one row each)
 * and, when the rows came with labels, their {@link Evaluation}.
 */
public record Prediction(float[][] outputs, Optional<Evaluation> evaluation) {

  /**
   * Metrics over labelled rows: {@code loss} as DL4J scores the batch (the mean loss, as {@code val_loss}); for a
   * classifier the {@code accuracy} (arg-max equals the true class) and the {@code confusion} matrix (row: true class,
   * column: predicted class); for a regression {@code accuracy} is NaN, {@code confusion} empty and {@code mse} the
   * mean of {@code (ŷ − y)²} (NaN for a classifier).
   */
  public record Evaluation(double loss, double accuracy, double mse, long[][] confusion) {}
}
