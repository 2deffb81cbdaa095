package dev.descent.engine.training;

import dev.descent.engine.optim.schedule.PlateauReports;
import dev.descent.engine.optim.schedule.ScheduleSpec;
import dev.descent.engine.spec.TrainingSpec;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Feeds a {@code plateau} schedule (PyTorch's {@code ReduceLROnPlateau}) at each epoch end. The metric follows the
 * schedule's {@code mode}: {@code min} watches {@code val_loss} ({@code train_loss} without a validation split),
 * {@code max} watches {@code val_accuracy} ({@code train_accuracy}; {@code -val_mse} for regression). The schedule's
 * state lives in the network's configuration JSON, so every checkpoint carries it.
 */
final class PlateauFeed {
  private final boolean active;
  private final boolean maximize;

  PlateauFeed(TrainingSpec spec) {
    this.active = spec.scheduleSpec() instanceof ScheduleSpec.Plateau;
    this.maximize = spec.scheduleSpec() instanceof ScheduleSpec.Plateau plateau && plateau.maximize();
  }

  /** Reports the epoch's watched metric to every plateau schedule of {@code network}, if the job has one. */
  void report(MultiLayerNetwork network, Map<String, Double> epochMetrics) {
    if (active) {
      PlateauReports.report(network, watched(epochMetrics));
    }
  }

  private double watched(Map<String, Double> m) {
    if (!maximize) {
      return m.getOrDefault("val_loss", m.get("train_loss"));
    }
    if (m.containsKey("val_accuracy") || m.containsKey("train_accuracy")) {
      return m.getOrDefault("val_accuracy", m.get("train_accuracy"));
    }
    return -m.getOrDefault("val_mse", m.get("train_loss"));
  }
}
