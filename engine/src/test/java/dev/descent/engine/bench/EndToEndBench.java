package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.spec.SpecParser;

/**
 * The engine alone, end to end, for comparison with the same job through the service
 * ({@code bench/service-vs-engine.sh}): {@link TrainingEngine#run} on {@link MlpBench#spec} with {@code bench.steps}
 * steps (data preparation, network build, training, evaluation, final checkpoint), run twice in one JVM and the
 * second run timed, as a running service's JVM is warm. With {@code --json} prints the spec instead, so the script
 * submits exactly this job. Prints iterations/s.
 */
public final class EndToEndBench {
  static final int STEPS = 300;

  private EndToEndBench() {}

  public static void main(String[] args) {
    int steps = BenchResult.intProperty("bench.steps", STEPS);
    if (args.length > 0 && args[0].equals("--json")) {
      System.out.println(SpecParser.toJson(MlpBench.spec(steps)));
      return;
    }
    NativeThreads.configureDefault();
    iterationsPerSecond(steps);
    new BenchResult("engine_end_to_end", iterationsPerSecond(steps), "iterations/s").print();
  }

  private static double iterationsPerSecond(int steps) {
    long start = System.nanoTime();
    TrainingOutcome outcome = new TrainingEngine().run(MlpBench.spec(steps), TrainingContext.silent());
    return outcome.iterations() / ((System.nanoTime() - start) / 1e9);
  }
}
