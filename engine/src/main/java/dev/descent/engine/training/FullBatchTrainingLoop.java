package dev.descent.engine.training;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.fullbatch.FullBatchOptimizers;
import dev.descent.engine.fullbatch.core.FullBatchOptimizer;
import dev.descent.engine.fullbatch.core.StepRecord;
import dev.descent.engine.fullbatch.core.StopReason;
import dev.descent.engine.fullbatch.network.NetworkObjective;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.rules.Rules;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.Progress;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a network with a full-batch optimizer ({@link FullBatchOptimizers}) on the whole training set, through
 * {@link NetworkObjective}. One iteration is one outer step (one PyTorch {@code optimizer.step(closure)}: up to
 * {@code max_iter} inner iterations) and every step is an epoch, so {@code epochs} bounds the outer steps. Per step
 * it reports {@code loss} (the full-batch loss at the point the step started from), {@code grad_norm} (‖∇f‖₂
 * there), {@code lr} (the last step size t), {@code evaluations} and {@code line_search_evaluations}; then the
 * {@link EpochEvaluator} metrics, whose {@code train_loss} is the loss at the new point. When a step ends on a
 * tolerance ({@link #CONVERGED}) the run stops early and succeeds, with the metric {@code stop_reason} holding the
 * {@link StopReason} ordinal; early stopping ({@link EarlyStopping}), the job's {@link Rules} (after each step's
 * metrics, {@link RuleActions}), cancellation and divergence behave as in {@link TrainingLoop} (a non-finite loss ends
 * the run as diverged before rules see it).
 *
 * <p>Checkpoints are DL4J model zips of the network (plus the early-stopping and rule state): the optimizer's state
 * (curvature pairs, last direction) is not in them, so a resumed run continues from the checkpoint's parameters with
 * a fresh optimizer.
 */
public final class FullBatchTrainingLoop {
  /** Stop reasons after which a further step would not move. */
  static final Set<StopReason> CONVERGED = EnumSet.of(StopReason.GRADIENT_TOLERANCE,
      StopReason.DIRECTIONAL_DERIVATIVE, StopReason.STEP_TOLERANCE, StopReason.FUNCTION_CHANGE_TOLERANCE);

  private final TrainingSpec spec;
  private final MultiLayerNetwork network;
  private final DataSet train;
  private final NetworkObjective objective;
  private final FullBatchOptimizer optimizer;
  private final EpochEvaluator evaluator;
  private final LoopPorts ports;
  private final EarlyStopping early;
  private final Rules rules;
  private final RuleActions ruleActions;
  private Map<String, Double> epochMetrics = Map.of();
  /** The step of the last checkpoint this run stored; -1 before the first. */
  private long lastSaved = -1;

  private FullBatchTrainingLoop(TrainingSpec spec, MultiLayerNetwork network, TrainingData data, LoopPorts ports) {
    this.spec = spec;
    this.network = network;
    this.train = data.train().toDataSet();
    this.objective = new NetworkObjective(network, train);
    this.optimizer = FullBatchOptimizers.create(((OptimizerSpec.FullBatch) spec.optimizerSpec()).settings());
    this.evaluator = new EpochEvaluator(data, spec.seed());
    this.rules = new Rules(spec.rules(), ports.metrics(), ports.rules());
    this.ports = new LoopPorts(rules, ports.checkpoints(), ports.progress(), ports.cancellation(), ports.rules());
    this.ruleActions = new RuleActions(rules);
    this.early = new EarlyStopping(spec.earlyStopping());
  }

  /** A loop over a fresh network, or over the one in {@code resumeFrom} (a checkpoint's content) if not null. */
  public static FullBatchTrainingLoop create(TrainingSpec spec, TrainingData data, byte[] resumeFrom,
      LoopPorts ports) {
    MultiLayerNetwork network = resumeFrom == null ? NetworkFactory.build(spec, 1) : NetworkSnapshots.read(resumeFrom);
    FullBatchTrainingLoop loop = new FullBatchTrainingLoop(spec, network, data, ports);
    if (resumeFrom != null) {
      loop.early.restoreFrom(resumeFrom);
      LoopCheckpoints.restoreRules(resumeFrom, loop.rules);
    }
    return loop;
  }

  public MultiLayerNetwork network() {
    return network;
  }

  public LoopResult run() {
    double lastFinite = Double.NaN;
    for (int epoch = network.getEpochCount(); epoch < spec.epochs() && !early.stopped(); epoch++) {
      if (ports.cancellation().isCancelled()) {
        return new LoopResult(LoopResult.Ending.CANCELLED, network.getIterationCount(), "cancelled", epochMetrics);
      }
      StepRecord record = objective.step(optimizer);
      network.setIterationCount(epoch + 1);
      network.setEpochCount(epoch + 1);
      double trainLoss = network.score(train, false);
      if (!Double.isFinite(record.f()) || !Double.isFinite(trainLoss)) {
        return diverged(epoch, Double.isFinite(record.f()) ? trainLoss : record.f(), lastFinite);
      }
      lastFinite = trainLoss;
      report(record, epoch, trainLoss);
      LoopResult halted = ruleActions.act(network.getIterationCount(), epochMetrics, this::save);
      if (halted != null) {
        return halted;
      }
      if (CONVERGED.contains(record.stop())) {
        break;
      }
    }
    if (early.stopped()) {
      epochMetrics = early.finish(epochMetrics, network, ports.metrics());
    }
    checkpoint(CheckpointKind.FINAL);
    return new LoopResult(LoopResult.Ending.COMPLETED, network.getIterationCount(),
        early.stopped() ? LoopResult.EARLY_STOPPING : null, epochMetrics);
  }

  private void report(StepRecord record, int epoch, double trainLoss) {
    long step = epoch + 1L;
    record(step, epoch, "loss", record.f());
    record(step, epoch, "grad_norm", record.gradNorm());
    record(step, epoch, "lr", record.stepSize());
    record(step, epoch, "evaluations", record.evaluations());
    record(step, epoch, "line_search_evaluations", record.lineSearchEvaluations());
    ports.progress().progress(new Progress(epoch, spec.epochs(), step, spec.epochs(), (double) step / spec.epochs()));
    epochMetrics = evaluator.evaluate(network, trainLoss);
    if (CONVERGED.contains(record.stop())) {
      epochMetrics.put("stop_reason", (double) record.stop().ordinal());
    }
    early.observe(epoch + 1, epochMetrics, network);
    epochMetrics.forEach((name, value) -> record(step, epoch + 1, name, value));
    int every = spec.checkpoint().everyEpochs();
    if (every > 0 && step % every == 0 && step < spec.epochs() && !CONVERGED.contains(record.stop())) {
      checkpoint(CheckpointKind.PERIODIC);
    }
  }

  private void record(long step, int epoch, String name, double value) {
    ports.metrics().record(new MetricPoint(name, step, epoch, value));
  }

  private LoopResult diverged(int epoch, double loss, double lastFinite) {
    String message = String.format("loss became %s at full-batch step %d; last finite loss %s",
        loss, epoch + 1, lastFinite);
    return new LoopResult(LoopResult.Ending.DIVERGED, epoch + 1L, message, epochMetrics);
  }

  /** A checkpoint for the rules ({@link RuleActions.Saver}). */
  private void save(CheckpointKind kind, boolean onlyIfNew) {
    if (!onlyIfNew || lastSaved != network.getIterationCount()) {
      checkpoint(kind);
    }
  }

  private void checkpoint(CheckpointKind kind) {
    lastSaved = network.getIterationCount();
    byte[] zip = early.withState(NetworkSnapshots.write(network));
    if (rules.active()) {
      zip = CheckpointZip.withEntries(zip, Map.of(Rules.ENTRY, rules.state()));
    }
    ports.checkpoints().save(new Checkpoint(kind.wireName(), network.getIterationCount(), network.getEpochCount(),
        zip, Map.copyOf(epochMetrics)));
  }
}
