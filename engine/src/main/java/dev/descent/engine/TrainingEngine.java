package dev.descent.engine;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.platform.FlushToZero;
import dev.descent.engine.platform.NativeSetup;
import dev.descent.engine.spec.JobSpec;
import dev.descent.engine.spec.LrRangeTestSpec;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.training.FullBatchTrainingLoop;
import dev.descent.engine.training.GreedyPretraining;
import dev.descent.engine.training.LoopPorts;
import dev.descent.engine.training.LoopResult;
import dev.descent.engine.training.LrRangeTest;
import dev.descent.engine.training.NetworkSnapshots;
import dev.descent.engine.training.TrainingLoop;
import dev.descent.engine.training.WarmStart;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one training job: prepares its data, builds (or restores) its network, trains it, and reports how it ended.
 * Every checkpoint carries the data's fitted preprocessing ({@link NetworkSnapshots#withPreprocessing}). A
 * warm-started job that starts fresh starts from {@link WarmStart#start}'s network (the context's {@code initFrom}); a
 * job with {@code pretraining} runs its stages first ({@link GreedyPretraining}).
 * Stateless and thread-safe: each call trains on the calling thread with its own network. Metrics are flushed at the
 * end whatever the outcome. The calling thread runs with flush-to-zero on for the run ({@link FlushToZero}). A run
 * that throws ends FAILED with code {@link #ERROR} and the exception's message for the client; the stack trace goes to
 * the log, with the context's job id.
 */
public final class TrainingEngine {
  private static final Logger log = LoggerFactory.getLogger(TrainingEngine.class);

  static {
    NativeSetup.ensure();
  }

  public static final String DIVERGED = "DIVERGED";
  public static final String ERROR = "ERROR";
  /** The failure code of a run that a rule with action {@code fail} ended. */
  public static final String RULE = "RULE";

  private final DataFolder dataFolder;

  /** An engine that reads the files a spec names from {@code dataFolder} (null: the environment's). */
  public TrainingEngine(DataFolder dataFolder) {
    this.dataFolder = dataFolder;
  }

  /** An engine on the environment's data folder, for code run outside the service. */
  public TrainingEngine() {
    this(null);
  }

  /** Runs any job: a {@link TrainingSpec} as below, an {@link OnlineJobSpec} with {@link OnlineJobRunner}. */
  public TrainingOutcome run(JobSpec spec, TrainingContext ctx) {
    if (spec instanceof TrainingSpec training) {
      return run(training, ctx);
    }
    if (spec instanceof LrRangeTestSpec range) {
      return run(range, ctx);
    }
    try (FlushToZero ftz = FlushToZero.enable()) {
      DataFolder folder = dataFolder != null ? dataFolder : DataFolder.fromEnvironment();
      return new OnlineJobRunner(folder).run((OnlineJobSpec) spec, ctx);
    } catch (RuntimeException e) {
      return error(e, ctx);
    } finally {
      ctx.metrics().flush();
    }
  }

  public TrainingOutcome run(TrainingSpec spec, TrainingContext ctx) {
    try (FlushToZero ftz = FlushToZero.enable()) {
      TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
      LoopPorts ports = new LoopPorts(ctx.metrics(),
          NetworkSnapshots.withPreprocessing(ctx.checkpoints(), data.preprocessing()), ctx.progress(),
          ctx.cancellation(), ctx.rules());
      byte[] start = ctx.resumeFrom() == null && spec.init() != null
          ? WarmStart.start(spec, data, ctx.initFrom()) : ctx.resumeFrom();
      boolean pauseLost = ctx.pauseLost() && ctx.resumeFrom() != null;
      if (spec.pretraining() != null || spec.optimizerSpec() instanceof OptimizerSpec.FullBatch) {
        LoopResult repeated = pauseLost ? TrainingLoop.repeatedPause(ctx.resumeFrom()) : null;
        if (repeated != null) {
          return outcome(repeated);
        }
        return outcome(spec.pretraining() != null ? GreedyPretraining.run(spec, data, start, ports)
            : FullBatchTrainingLoop.create(spec, data, start, ports).run());
      }
      TrainingLoop loop = TrainingLoop.create(spec, data, start, ctx.curriculumFrom(), ports);
      LoopResult repeated = pauseLost ? loop.repeatLostPause(ctx.resumeFrom()) : null;
      return outcome(repeated != null ? repeated : loop.run());
    } catch (RuntimeException e) {
      return error(e, ctx);
    } finally {
      ctx.metrics().flush();
    }
  }

  /** Runs a learning-rate range test ({@link LrRangeTest}) on the data of its training spec. */
  public TrainingOutcome run(LrRangeTestSpec spec, TrainingContext ctx) {
    try (FlushToZero ftz = FlushToZero.enable()) {
      TrainingData data = TrainingData.prepare(spec.run().dataset(), spec.run().seed());
      LoopPorts ports = new LoopPorts(ctx.metrics(), ctx.checkpoints(), ctx.progress(), ctx.cancellation());
      return outcome(LrRangeTest.create(spec, data, ports).run());
    } catch (RuntimeException e) {
      return error(e, ctx);
    } finally {
      ctx.metrics().flush();
    }
  }

  private static TrainingOutcome error(RuntimeException e, TrainingContext ctx) {
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
    log.error("Job {} failed: {}", ctx.jobId() == null ? "(no id)" : ctx.jobId(), message, e);
    return new TrainingOutcome(TrainingOutcome.Status.FAILED, ERROR, message, 0, Map.of());
  }

  private static String stopReason(String message) {
    if (LoopResult.EARLY_STOPPING.equals(message)) {
      return TrainingOutcome.EARLY_STOPPING;
    }
    return LrRangeTest.STOPPED_AT_DIVERGENCE.equals(message) ? TrainingOutcome.RANGE_TEST_DIVERGED : null;
  }

  private static TrainingOutcome outcome(LoopResult result) {
    long iterations = result.iterations();
    String rule = result.stopDetail() == null ? null : TrainingOutcome.RULE;
    return switch (result.ending()) {
      case COMPLETED -> LoopResult.EARLY_STOPPING.equals(result.message())
          ? new TrainingOutcome(TrainingOutcome.Status.SUCCEEDED, null, null, iterations, result.metrics(),
              TrainingOutcome.EARLY_STOPPING, earlyStoppingDetail(result.metrics()))
          : new TrainingOutcome(TrainingOutcome.Status.SUCCEEDED, null, null, iterations, result.metrics(),
              rule != null ? rule : stopReason(result.message()), result.stopDetail());
      case CANCELLED -> new TrainingOutcome(
          TrainingOutcome.Status.CANCELLED, null, null, iterations, result.metrics(), rule, result.stopDetail());
      case DIVERGED -> new TrainingOutcome(
          TrainingOutcome.Status.FAILED, DIVERGED, result.message(), iterations, result.metrics());
      case RULE_FAILED -> new TrainingOutcome(TrainingOutcome.Status.FAILED, RULE, result.message(), iterations,
          result.metrics(), rule, result.stopDetail());
    };
  }

  /** {@code {"stoppedEpoch": n, "bestEpoch": m}} from an early-stopped run's final metrics. */
  private static String earlyStoppingDetail(Map<String, Double> metrics) {
    return String.format("{\"stoppedEpoch\": %d, \"bestEpoch\": %d}",
        metrics.getOrDefault("stopped_epoch", 0.0).intValue(), metrics.getOrDefault("best_epoch", 0.0).intValue());
  }
}
