package dev.descent.engine.platform;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.ProgressSink;

/**
 * A child JVM for {@link NativeFallbackTests}: chooses the native platform from its system properties, trains a
 * small network through the engine and prints what loaded and how training ended.
 */
public final class PlatformProbe {
  private PlatformProbe() {}

  public static void main(String[] args) {
    NativePlatform platform = NativeSetup.ensure();
    NativeThreads.configure(1);
    String spec = """
        {"seed": 3, "dataset": {"name": "iris"}, "model": {"layers": [
           {"type": "dense", "units": 16, "activation": "relu"},
           {"type": "output", "activation": "softmax", "loss": "mcxent"}]},
         "optimizer": {"type": "adam", "lr": 0.01}, "epochs": 3, "batchSize": 16}""";
    TrainingOutcome outcome = new TrainingEngine().run(SpecParser.parse(spec, EngineLimits.DEFAULTS),
        new TrainingContext(MetricSink.NONE, CheckpointSink.NONE, ProgressSink.NONE, CancellationToken.NEVER, null));
    System.out.println("PROBE " + platform.describeLoaded() + " status=" + outcome.status()
        + " val_accuracy=" + outcome.finalMetrics().get("val_accuracy"));
  }
}
