package dev.descent.engine.training;

import dev.descent.engine.data.Minibatches;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.Progress;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Trains a network epoch by epoch, one {@code fit} per minibatch, checking for cancellation before every update.
 * Per update it reports {@code loss} (the minibatch loss before the update), {@code grad_norm} and {@code lr}; per
 * epoch the {@link EpochEvaluator} metrics; a non-finite loss ends the run as diverged. A periodic checkpoint follows
 * every {@code checkpoint.everyEpochs}-th epoch, and a final one the last epoch.
 *
 * <p>Resuming: a network restored from a checkpoint carries its iteration and epoch counts; the loop continues with
 * the next epoch from its first batch. Checkpoints are only taken at epoch ends, so this is exact for them.
 */
public final class TrainingLoop {
  private final TrainingSpec spec;
  private final MultiLayerNetwork network;
  private final Minibatches batches;
  private final EpochEvaluator evaluator;
  private final LoopPorts ports;
  private final GradientNormListener gradients = new GradientNormListener();
  private final IUpdater updater;
  private final long totalIterations;
  private Map<String, Double> epochMetrics = Map.of();

  private TrainingLoop(TrainingSpec spec, MultiLayerNetwork network, TrainingData data, LoopPorts ports) {
    this.spec = spec;
    this.network = network;
    this.batches = new Minibatches(data.train(), spec.batchSize(), spec.seed());
    this.evaluator = new EpochEvaluator(data, spec.seed());
    this.ports = ports;
    this.updater = ((BaseLayer) network.getOutputLayer().conf().getLayer()).getIUpdater();
    this.totalIterations = (long) spec.epochs() * batches.batchCount();
    network.setListeners(gradients);
  }

  /** A loop over a fresh network, or over the one in {@code resumeFrom} (a checkpoint's content) if not null. */
  public static TrainingLoop create(TrainingSpec spec, TrainingData data, byte[] resumeFrom, LoopPorts ports) {
    int iterationsPerEpoch = (data.train().size() + spec.batchSize() - 1) / spec.batchSize();
    MultiLayerNetwork network = resumeFrom == null
        ? NetworkFactory.build(spec, iterationsPerEpoch, data.train())
        : NetworkSnapshots.read(resumeFrom);
    return new TrainingLoop(spec, network, data, ports);
  }

  public MultiLayerNetwork network() {
    return network;
  }

  public LoopResult run() {
    double lastFinite = Double.NaN;
    for (int epoch = network.getEpochCount(); epoch < spec.epochs(); epoch++) {
      batches.shuffle(epoch);
      double lossSum = 0;
      for (int b = 0; b < batches.batchCount(); b++) {
        if (ports.cancellation().isCancelled()) {
          return new LoopResult(LoopResult.Ending.CANCELLED, network.getIterationCount(), "cancelled",
              epochMetrics);
        }
        DataSet batch = batches.batch(b);
        double loss = step(batch, epoch);
        if (!Double.isFinite(loss)) {
          return diverged(epoch, b, loss, lastFinite);
        }
        lastFinite = loss;
        lossSum += loss * batch.numExamples();
      }
      endEpoch(epoch, lossSum / batches.sampleCount());
    }
    checkpoint("final");
    return new LoopResult(LoopResult.Ending.COMPLETED, network.getIterationCount(), null, epochMetrics);
  }

  private double step(DataSet batch, int epoch) {
    int iteration = network.getIterationCount();
    double lr = updater.hasLearningRate() ? updater.getLearningRate(iteration, epoch) : Double.NaN;
    network.fit(batch);
    long step = iteration + 1L;
    double loss = network.score();
    ports.metrics().record(new MetricPoint("loss", step, epoch, loss));
    ports.metrics().record(new MetricPoint("grad_norm", step, epoch, gradients.lastNorm()));
    if (updater.hasLearningRate()) {
      ports.metrics().record(new MetricPoint("lr", step, epoch, lr));
    }
    ports.progress().progress(
        new Progress(epoch, spec.epochs(), step, totalIterations, (double) step / totalIterations));
    return loss;
  }

  private void endEpoch(int epoch, double trainLoss) {
    network.incrementEpochCount();
    epochMetrics = evaluator.evaluate(network, trainLoss);
    long step = network.getIterationCount();
    epochMetrics.forEach((name, value) -> ports.metrics().record(new MetricPoint(name, step, epoch + 1, value)));
    int every = spec.checkpoint().everyEpochs();
    if (every > 0 && (epoch + 1) % every == 0 && epoch + 1 < spec.epochs()) {
      checkpoint("periodic");
    }
  }

  private LoopResult diverged(int epoch, int batch, double loss, double lastFinite) {
    String message = String.format("loss became %s at step %d (epoch %d, batch %d); last finite loss %s",
        loss, network.getIterationCount(), epoch, batch, lastFinite);
    return new LoopResult(LoopResult.Ending.DIVERGED, network.getIterationCount(), message, epochMetrics);
  }

  private void checkpoint(String kind) {
    ports.checkpoints().save(new Checkpoint(kind, network.getIterationCount(), network.getEpochCount(),
        NetworkSnapshots.write(network), Map.copyOf(epochMetrics)));
  }
}
