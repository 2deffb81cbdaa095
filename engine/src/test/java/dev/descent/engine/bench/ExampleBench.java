package dev.descent.engine.bench;

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
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One example job ({@code examples/*.json}) through {@link TrainingEngine#run}, the path a worker takes: prints the
 * training's wall and thread-CPU seconds and its final metrics. Arguments: the spec file, then optionally the number
 * of epochs to run instead of the file's. Datasets are read from {@code ../shared/datasets} beside the checkout unless
 * {@code descent.datasets.dir} says otherwise.
 */
public final class ExampleBench {
  private ExampleBench() {}

  public static void main(String[] args) throws IOException {
    NativeThreads.configureDefault();
    System.getProperties().putIfAbsent("descent.datasets.dir", "../shared/datasets");
    String json = Files.readString(Path.of(args[0]));
    if (args.length > 1) {
      json = json.replaceFirst("\"epochs\"\\s*:\\s*\\d+", "\"epochs\": " + Integer.parseInt(args[1]));
    }
    TrainingContext ctx = new TrainingContext(MetricSink.NONE, CheckpointSink.NONE, ProgressSink.NONE,
        CancellationToken.NEVER, null);
    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    TrainingOutcome outcome = new TrainingEngine().run(SpecParser.parse(json, EngineLimits.DEFAULTS), ctx);
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    double cpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.println(String.format(Locale.ROOT, "RESULT example %s: %s, %d iterations, %.1f s wall, %.1f s CPU, %s",
        Path.of(args[0]).getFileName(), outcome.status(), outcome.iterations(), wallSeconds, cpuSeconds,
        outcome.finalMetrics()));
  }
}
