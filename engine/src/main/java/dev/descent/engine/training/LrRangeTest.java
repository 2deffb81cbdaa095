package dev.descent.engine.training;

import dev.descent.engine.data.Minibatches;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.LrRangeTestSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Runs a learning-rate range test ({@link LrRangeTestSpec}): one update per step on the job's minibatches (shuffled
 * per epoch by seed, as in {@link TrainingLoop}), the rate growing by the spec's schedule. Per step it reports
 * {@code lr} (the rate of that update), {@code loss} (the minibatch loss before it) and {@code smoothed_loss}
 * (the bias-corrected exponential moving average); it stops after {@code steps} updates, or once the smoothed loss
 * exceeds {@code divergeFactor} × its minimum, or at a non-finite loss. At the end it reports the suggestion
 * ({@link LrSuggestion}) as {@code suggested_lr}, {@code suggested_lr_min10} and {@code min_loss_lr}. The run takes
 * no checkpoint: a resumed attempt runs it again from the start, which gives the same curve (same seed, same masks).
 */
public final class LrRangeTest {
  public static final String STOPPED_AT_DIVERGENCE = "loss exceeded the limit";

  private final LrRangeTestSpec spec;
  private final TrainingSpec run;
  private final MultiLayerNetwork network;
  private final Minibatches batches;
  private final LoopPorts ports;
  private final IUpdater updater;

  private LrRangeTest(LrRangeTestSpec spec, TrainingData data, LoopPorts ports) {
    this.spec = spec;
    this.run = spec.run();
    this.batches = new Minibatches(data.train(), run.batchSize(), run.seed());
    this.network = NetworkFactory.build(run, batches.batchCount(), data.train());
    this.ports = ports;
    this.updater = ((BaseLayer) network.getOutputLayer().conf().getLayer()).getIUpdater();
  }

  public static LrRangeTest create(LrRangeTestSpec spec, TrainingData data, LoopPorts ports) {
    return new LrRangeTest(spec, data, ports);
  }

  public LoopResult run() {
    List<Double> lrs = new ArrayList<>();
    List<Double> smoothed = new ArrayList<>();
    double average = 0;
    double best = Double.POSITIVE_INFINITY;
    int perEpoch = batches.batchCount();
    for (int t = 0; t < spec.steps(); t++) {
      if (ports.cancellation().isCancelled()) {
        return new LoopResult(LoopResult.Ending.CANCELLED, t, "cancelled", Map.of());
      }
      int epoch = t / perEpoch;
      if (t % perEpoch == 0) {
        batches.shuffle(epoch);
      }
      double lr = updater.getLearningRate(t, epoch);
      DropoutMasks.seedFor(run.seed(), t);
      network.fit(batches.batch(t % perEpoch));
      double loss = network.score();
      average = spec.smoothing() * average + (1 - spec.smoothing()) * loss;
      double debiased = average / (1 - Math.pow(spec.smoothing(), t + 1));
      record(t, epoch, lr, loss, debiased);
      if (!Double.isFinite(debiased) || t > 0 && debiased > spec.divergeFactor() * best) {
        return finish(lrs, smoothed, t + 1L, STOPPED_AT_DIVERGENCE);
      }
      lrs.add(lr);
      smoothed.add(debiased);
      best = Math.min(best, debiased);
    }
    return finish(lrs, smoothed, spec.steps(), null);
  }

  private void record(int t, int epoch, double lr, double loss, double smoothedLoss) {
    long step = t + 1L;
    ports.metrics().record(new MetricPoint("lr", step, epoch, lr));
    ports.metrics().record(new MetricPoint("loss", step, epoch, loss));
    ports.metrics().record(new MetricPoint("smoothed_loss", step, epoch, smoothedLoss));
    ports.progress().progress(new Progress(epoch, epoch + 1, step, spec.steps(), (double) step / spec.steps()));
  }

  private LoopResult finish(List<Double> lrs, List<Double> smoothed, long steps, String message) {
    LrSuggestion suggestion = LrSuggestion.of(lrs, smoothed);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("suggested_lr", suggestion.steepest());
    metrics.put("suggested_lr_min10", suggestion.minimumOverTen());
    metrics.put("min_loss_lr", suggestion.minimum());
    metrics.put("range_test_steps", (double) steps);
    int epoch = (int) ((steps - 1) / batches.batchCount());
    metrics.forEach((name, value) -> ports.metrics().record(new MetricPoint(name, steps, epoch, value)));
    return new LoopResult(LoopResult.Ending.COMPLETED, steps, message, metrics);
  }
}
