package dev.descent.engine.training;

import dev.descent.engine.averaging.Averages;
import dev.descent.engine.data.Minibatches;
import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.optim.UpdaterSpec;
import dev.descent.engine.rules.Rules;
import dev.descent.engine.spec.CheckpointPolicy;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.Progress;
import dev.descent.engine.training.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Trains a network epoch by epoch, one {@code fit} per minibatch, checking for cancellation before every update.
 * Per update it reports {@code loss} (the minibatch loss before the update), {@code grad_norm} (of the mean gradient
 * BEFORE the optimizer's {@code clip_grad_norm} / {@code clip_grad_value}, which {@link GradientNormListener}
 * applies) and {@code lr}, and the job's {@link Diagnostics} when it asks for them; then it folds the new
 * parameters into the Polyak averages. Per epoch it reports the {@link EpochEvaluator} metrics, the validation
 * metrics of every average ({@code val_loss@polyak-ema}, …), and feeds a {@code plateau} schedule
 * ({@link PlateauFeed}) and the {@link EarlyStopping}, which may end the run early. Every point passes the job's
 * {@link Rules} (the loop's metric port), which may ask for a checkpoint or end the run ({@link RuleActions}). A
 * non-finite loss ends the run as diverged (unless a rule ended it first).
 * Checkpoints ({@link LoopCheckpoints}): periodic every {@code checkpoint.everyEpochs} epochs and every
 * {@code checkpoint.everyIterations} iterations, and a final one; when a stop asks for it
 * ({@link dev.descent.engine.spi.CancellationToken#checkpointOnStop}) a periodic one where the loop stopped.
 *
 * <p>Resuming: a network restored from a checkpoint carries its iteration count i; with n batches per epoch the loop
 * continues at batch {@code i mod n} of epoch {@code i div n}, whose shuffle depends only on (seed, epoch), with the
 * epoch's partial loss sum and the averages restored from the checkpoint, so a resumed run is bit-identical to an
 * uninterrupted one. With phases ({@link Phases}) the batch size and the optimizer change at each phase's first epoch
 * ({@link OptimizerSwitch}); the iteration count maps back to (phase, epoch, batch) the same way, and a checkpoint
 * records which phase's optimizer its network has. With a {@link Curriculum} epoch e trains on the easiest part of the
 * set the curriculum gives it (its batch count follows, {@link Phases}), shuffled by (seed, e) like a whole epoch, and
 * reports {@code curriculum_fraction} and {@code train_examples} at its first update; checkpoints carry the order.
 * Dropout included: before every update ND4J's generator is
 * reseeded from (seed, iteration) ({@link DropoutMasks}), so the masks never depend on what the thread drew before
 * ({@code DropoutResumeTests}).
 */
public final class TrainingLoop {
  private final TrainingSpec spec;
  private final MultiLayerNetwork network;
  private final TrainingData data;
  private final Phases phases;
  private final Curriculum curriculum;
  private Phases.Segment segment;
  private Minibatches batches;
  private int networkPhase;
  private final EpochEvaluator evaluator;
  private final LoopPorts ports;
  private final GradientNormListener gradients;
  private IUpdater updater;
  private final PlateauFeed plateau;
  private final Averages averages;
  private final LoopCheckpoints checkpoints;
  private final EarlyStopping early;
  private final Rules rules;
  private final RuleActions ruleActions;
  private final Diagnostics diagnostics;
  private final long totalIterations;
  private double epochLossSum;
  private Map<String, Double> epochMetrics = Map.of();

  private TrainingLoop(TrainingSpec spec, MultiLayerNetwork network, TrainingData data, Curriculum curriculum,
      LoopPorts ports) {
    this.spec = spec;
    this.network = network;
    this.data = data;
    this.curriculum = curriculum;
    this.phases = Phases.of(spec, data.train().size(), curriculum);
    this.segment = phases.atEpoch(0);
    this.batches = new Minibatches(trainingPart(0), segment.batchSize(), spec.seed());
    this.evaluator = new EpochEvaluator(data, spec.seed());
    this.rules = new Rules(spec.rules(), ports.metrics(), ports.rules());
    this.ports = new LoopPorts(rules, ports.checkpoints(), ports.progress(), ports.cancellation(), ports.rules());
    this.updater = ((BaseLayer) network.getOutputLayer().conf().getLayer()).getIUpdater();
    this.gradients = new GradientNormListener(((UpdaterSpec) spec.optimizerSpec()).common().clipping());
    this.plateau = new PlateauFeed(spec);
    this.averages = Averages.of(spec.averaging(), network.params());
    this.early = new EarlyStopping(spec.earlyStopping());
    this.checkpoints = new LoopCheckpoints(ports.checkpoints(), network, averages, early, rules);
    if (curriculum != null) {
      checkpoints.curriculum(curriculum.state());
    }
    this.ruleActions = new RuleActions(rules);
    this.totalIterations = phases.totalIterations();
    this.diagnostics = Diagnostics.of(spec, network, data.train());
    List<TrainingListener> listeners = new ArrayList<>(diagnostics.listeners());
    listeners.add(gradients);
    network.setListeners(listeners);
  }

  /** A loop over a fresh network, or over the one in {@code resumeFrom} (a checkpoint's content) if not null. */
  public static TrainingLoop create(TrainingSpec spec, TrainingData data, byte[] resumeFrom, LoopPorts ports) {
    return create(spec, data, resumeFrom, null, ports);
  }

  /**
   * As {@link #create(TrainingSpec, TrainingData, byte[], LoopPorts)}; a curriculum's order is the one stored in
   * {@code resumeFrom}, else the one its scorer gives: the network the loop starts from, or the network in
   * {@code curriculumFrom} (a checkpoint's content) when another job scores it.
   */
  public static TrainingLoop create(TrainingSpec spec, TrainingData data, byte[] resumeFrom, byte[] curriculumFrom,
      LoopPorts ports) {
    int iterationsPerEpoch = (data.train().size() + spec.batchSize() - 1) / spec.batchSize();
    MultiLayerNetwork network = resumeFrom == null
        ? NetworkFactory.build(spec, iterationsPerEpoch, data.train())
        : NetworkSnapshots.read(resumeFrom);
    if (resumeFrom != null && LoopCheckpoints.phase(resumeFrom) == 0) {
      OptimizerSwitch.toSpec(network, spec, iterationsPerEpoch); // the stored spec's optimizer settings win
    }
    Curriculum curriculum = Curriculum.of(spec.curriculum(), data.train(), resumeFrom,
        () -> spec.curriculum().scoredByJob() ? Curriculum.scorer(spec, network, curriculumFrom) : network);
    TrainingLoop loop = new TrainingLoop(spec, network, data, curriculum, ports);
    if (resumeFrom != null) {
      loop.epochLossSum = LoopCheckpoints.restore(resumeFrom, loop.averages, loop.early, loop.rules);
      loop.networkPhase = LoopCheckpoints.phase(resumeFrom);
      loop.checkpoints.phase(loop.networkPhase);
    }
    return loop;
  }

  /**
   * How a run resumed from {@code resumeFrom} ends when that checkpoint was taken for a rule's {@code pause} that its
   * job never took (the worker was lost after storing it and before the job was PAUSED): paused again by the same
   * firing, at once, without an update; null when the checkpoint was not taken for a pause. Either loop's checkpoint.
   */
  public static LoopResult repeatedPause(byte[] resumeFrom) {
    byte[] state = CheckpointZip.entry(resumeFrom, Rules.ENTRY);
    return state == null ? null : Rules.pendingPause(state).map(p -> new LoopResult(LoopResult.Ending.CANCELLED,
        p.step(), LoopResult.RULE, Map.of(), p.detailJson())).orElse(null);
  }

  /**
   * {@link #repeatedPause} for this loop, which resumed from {@code resumeFrom}: reports the progress where it resumed
   * first (as {@link #run} would), so the job shows where it is paused; null when the checkpoint was not taken for a
   * pause.
   */
  public LoopResult repeatLostPause(byte[] resumeFrom) {
    LoopResult paused = repeatedPause(resumeFrom);
    if (paused != null) {
      reportResumedAt(phases.position(network.getIterationCount()).epoch());
    }
    return paused;
  }

  public MultiLayerNetwork network() {
    return network;
  }

  public LoopResult run() {
    double lastFinite = Double.NaN;
    Phases.Position start = phases.position(network.getIterationCount());
    int startEpoch = start.epoch();
    int startBatch = start.batch();
    network.setEpochCount(startEpoch);
    if (network.getIterationCount() > 0) {
      reportResumedAt(startEpoch);
    }
    for (int epoch = startEpoch; epoch < spec.epochs() && !early.stopped(); epoch++) {
      enterPhaseOf(epoch);
      batches.shuffle(epoch);
      int perEpoch = batches.batchCount();
      for (int b = epoch == startEpoch ? startBatch : 0; b < perEpoch; b++) {
        if (ports.cancellation().isCancelled()) {
          if (ports.cancellation().checkpointOnStop()) {
            checkpoints.saveIfNew(CheckpointKind.PERIODIC, epochLossSum, epochMetrics);
          }
          return new LoopResult(LoopResult.Ending.CANCELLED, network.getIterationCount(), "cancelled",
              epochMetrics);
        }
        DataSet batch = batches.batch(b);
        double loss = step(batch, epoch);
        if (!Double.isFinite(loss) && rules.halt() == null) {
          return diverged(epoch, b, loss, lastFinite);
        }
        lastFinite = loss;
        epochLossSum += loss * batch.numExamples();
        LoopResult halted = b + 1 < perEpoch ? afterUpdate() : null; // an epoch's last: after its evaluation
        if (halted != null) {
          return halted;
        }
      }
      endEpoch(epoch, epochLossSum / batches.sampleCount());
      LoopResult halted = ruleActions.act(network.getIterationCount(), epochMetrics, this::save);
      if (halted != null) {
        return halted;
      }
    }
    Map<String, Double> finalMetrics = early.stopped()
        ? early.finish(epochMetrics, network, ports.metrics()) : epochMetrics;
    checkpoints.save(CheckpointKind.FINAL, 0, finalMetrics);
    return new LoopResult(LoopResult.Ending.COMPLETED, network.getIterationCount(),
        early.stopped() ? LoopResult.EARLY_STOPPING : null, finalMetrics);
  }

  /**
   * Takes the batch size of the phase {@code epoch} lies in and, when the network was still configured for an earlier
   * phase, switches it to the phase's optimizer ({@link OptimizerSwitch}).
   */
  private void enterPhaseOf(int epoch) {
    Phases.Segment next = phases.atEpoch(epoch);
    if (next.batchSize() != segment.batchSize()
        || curriculum != null && curriculum.size(epoch) != batches.sampleCount()) {
      batches = new Minibatches(trainingPart(epoch), next.batchSize(), spec.seed());
    }
    segment = next;
    if (next.index() != networkPhase) {
      gradients.clipping(OptimizerSwitch.apply(network, next).clipping());
      updater = ((BaseLayer) network.getOutputLayer().conf().getLayer()).getIUpdater();
      networkPhase = next.index();
      checkpoints.phase(networkPhase);
    }
  }

  /** The examples epoch {@code epoch} trains on: the whole training part, or the curriculum's part of it. */
  private Samples trainingPart(int epoch) {
    return curriculum == null ? data.train() : curriculum.train(epoch);
  }

  /** After an update that is not its epoch's last: what the rules asked for, else a periodic checkpoint if due. */
  private LoopResult afterUpdate() {
    LoopResult halted = ruleActions.act(network.getIterationCount(), epochMetrics, this::save);
    if (halted == null && isDue(spec.checkpoint().everyIterations(), network.getIterationCount())) {
      checkpoints.save(CheckpointKind.PERIODIC, epochLossSum, epochMetrics);
    }
    return halted;
  }

  /** A checkpoint of the loop's state where it is, for the rules ({@link RuleActions.Saver}). */
  private void save(CheckpointKind kind, boolean onlyIfNew) {
    if (onlyIfNew) {
      checkpoints.saveIfNew(kind, epochLossSum, epochMetrics);
    } else {
      checkpoints.save(kind, epochLossSum, epochMetrics);
    }
  }

  private double step(DataSet batch, int epoch) {
    int iteration = network.getIterationCount();
    double lr = updater.hasLearningRate() ? updater.getLearningRate(iteration, epoch) : Double.NaN;
    diagnostics.beforeUpdate(iteration);
    DropoutMasks.seedFor(spec.seed(), iteration);
    network.fit(batch);
    long step = iteration + 1L;
    averages.update(network.params(), step);
    double loss = network.score();
    ports.metrics().record(new MetricPoint("loss", step, epoch, loss));
    ports.metrics().record(new MetricPoint("grad_norm", step, epoch, gradients.lastNorm()));
    if (updater.hasLearningRate()) {
      ports.metrics().record(new MetricPoint("lr", step, epoch, lr));
    }
    diagnostics.afterUpdate(step, epoch, lr, ports.metrics());
    if (phases.phased() && iteration == segment.firstIteration()) {
      recordPhase(step, epoch);
    }
    if (curriculum != null && iteration == phases.epochStart(epoch)) {
      ports.metrics().record(new MetricPoint("curriculum_fraction", step, epoch,
          (double) curriculum.size(epoch) / data.train().size()));
      ports.metrics().record(new MetricPoint("train_examples", step, epoch, curriculum.size(epoch)));
    }
    ports.progress().progress(
        new Progress(epoch, spec.epochs(), step, totalIterations, (double) step / totalIterations));
    return loss;
  }

  /**
   * Reports where a resumed run starts, before its first step: a run resumed from its final checkpoint (its last
   * attempt trained to the end but could not report it) has no step left, and still finishes with its progress.
   */
  private void reportResumedAt(int epoch) {
    long step = network.getIterationCount();
    ports.progress().progress(new Progress(Math.min(epoch, spec.epochs()), spec.epochs(), step, totalIterations,
        (double) step / totalIterations));
  }

  private void endEpoch(int epoch, double trainLoss) {
    network.incrementEpochCount();
    epochLossSum = 0;
    epochMetrics = evaluator.evaluate(network, trainLoss);
    averages.withSwapped(network, n -> evaluator.evaluate(n, trainLoss)).forEach((kind, metrics) ->
        metrics.forEach((name, value) -> {
          if (name.startsWith("val_")) {
            epochMetrics.put(name + "@" + kind, value);
          }
        }));
    plateau.report(network, epochMetrics);
    early.observe(epoch + 1, epochMetrics, network);
    long step = network.getIterationCount();
    epochMetrics.forEach((name, value) -> ports.metrics().record(new MetricPoint(name, step, epoch + 1, value)));
    if (phases.phased()) {
      recordPhase(step, epoch + 1);
    }
    CheckpointPolicy policy = spec.checkpoint();
    if (epoch + 1 < spec.epochs()
        && (isDue(policy.everyEpochs(), epoch + 1L) || isDue(policy.everyIterations(), step))) {
      checkpoints.save(CheckpointKind.PERIODIC, epochLossSum, epochMetrics);
    }
  }

  /** The {@code phase} (0-based) and {@code batch_size} series of a phased job, at each phase start and epoch end. */
  private void recordPhase(long step, int epoch) {
    ports.metrics().record(new MetricPoint("phase", step, epoch, segment.index()));
    ports.metrics().record(new MetricPoint("batch_size", step, epoch, segment.batchSize()));
  }

  private static boolean isDue(int every, long count) {
    return every > 0 && count % every == 0;
  }

  private LoopResult diverged(int epoch, int batch, double loss, double lastFinite) {
    String message = String.format("loss became %s at step %d (epoch %d, batch %d); last finite loss %s",
        loss, network.getIterationCount(), epoch, batch, lastFinite);
    return new LoopResult(LoopResult.Ending.DIVERGED, network.getIterationCount(), message, epochMetrics);
  }
}
