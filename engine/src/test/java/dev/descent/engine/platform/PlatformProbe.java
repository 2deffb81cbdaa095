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
 * small network through the engine and prints what loaded and how training ended. With the argument
 * {@code as-service} it follows the service's start-up order: what loaded is read first, then two jobs train one after
 * the other on threads of their own, as workers run them.
 */
public final class PlatformProbe {
  private PlatformProbe() {}

  public static void main(String[] args) throws InterruptedException {
    NativePlatform platform = NativeSetup.ensure();
    NativeThreads.configure(1);
    if (args.length > 0 && args[0].equals("as-service")) {
      String loaded = platform.describeLoaded();
      TrainingOutcome[] outcomes = new TrainingOutcome[2];
      for (int i = 0; i < outcomes.length; i++) {
        int job = i;
        Thread worker = new Thread(() -> outcomes[job] = train());
        worker.start();
        worker.join();
      }
      System.out.println("PROBE " + loaded + " status=" + outcomes[0].status() + "," + outcomes[1].status());
      return;
    }
    TrainingOutcome outcome = train();
    System.out.println("PROBE " + platform.describeLoaded() + " status=" + outcome.status()
        + " val_accuracy=" + outcome.finalMetrics().get("val_accuracy"));
  }

  private static TrainingOutcome train() {
    String spec = """
        {"seed": 3, "dataset": {"name": "iris"}, "model": {"layers": [
           {"type": "dense", "units": 16, "activation": "relu"},
           {"type": "output", "activation": "softmax", "loss": "mcxent"}]},
         "optimizer": {"type": "adam", "lr": 0.01}, "epochs": 3, "batchSize": 16}""";
    return new TrainingEngine().run(SpecParser.parse(spec, EngineLimits.DEFAULTS),
        new TrainingContext(MetricSink.NONE, CheckpointSink.NONE, ProgressSink.NONE, CancellationToken.NEVER, null));
  }
}
