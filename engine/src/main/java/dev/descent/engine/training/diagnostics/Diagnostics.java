package dev.descent.engine.training.diagnostics;

import dev.descent.engine.data.Samples;
import dev.descent.engine.spec.DiagnosticsSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * What the minibatch loop calls around each update for a job's {@code /diagnostics}: {@link #beforeUpdate} arms the
 * per-layer measurement when the update about to happen is due, {@link #afterUpdate} records it and, when due, the
 * curvature. Stateless across updates (a function of the network and the batch of the update), so that a run resumed
 * from a checkpoint reports the same series as an uninterrupted one. The probe batch of the curvature is the first
 * {@code batchSize} samples of the training part (fixed by the dataset and the job's seed).
 */
public final class Diagnostics {
  private final DiagnosticsSpec spec;
  private final LayerDiagnostics layers;
  private final Curvature curvature;
  private final MultiLayerNetwork network;

  private Diagnostics(DiagnosticsSpec spec, MultiLayerNetwork network, Samples train, TrainingSpec job) {
    this.spec = spec;
    this.network = network;
    this.layers = spec == null ? null : new LayerDiagnostics(ProbedLayer.of(job.model().layers(), network), network);
    this.curvature = spec == null ? null : new Curvature(
        train.subset(IntStream.range(0, Math.min(job.batchSize(), train.size())).toArray()).toDataSet(), job.seed());
  }

  /** The diagnostics {@code job} asks for (none when its {@code diagnostics} is null) of {@code network}. */
  public static Diagnostics of(TrainingSpec job, MultiLayerNetwork network, Samples train) {
    return new Diagnostics(job.diagnostics(), network, train, job);
  }

  /** The listeners to attach to the network BEFORE any that changes the gradient (clipping). */
  public List<TrainingListener> listeners() {
    return layers == null ? List.of() : List.of(layers);
  }

  /** Called before the update that follows {@code iteration} earlier ones. */
  public void beforeUpdate(long iteration) {
    if (spec != null && spec.layersDue(iteration + 1)) {
      layers.arm();
    }
  }

  /** Called after update {@code step} (1-based) of {@code epoch}, made with learning rate {@code lr} (NaN: none). */
  public void afterUpdate(long step, int epoch, double lr, MetricSink sink) {
    if (spec == null) {
      return;
    }
    layers.record(step, epoch, sink);
    if (spec.curvatureDue(step)) {
      double value = curvature.measure(network);
      if (!Double.isNaN(value)) {
        sink.record(new MetricPoint("curvature", step, epoch, value));
        if (Double.isFinite(lr)) {
          sink.record(new MetricPoint("curvature_ratio", step, epoch, ratio(value, lr)));
        }
      }
    }
  }

  /**
   * {@code ½ε²·gᵀHg / (ε·gᵀg) = ½·ε·curvature}: the second-order term of the loss change of a plain gradient step of
   * size ε over its first-order term; above 1 the step increases the quadratic model of the loss.
   */
  static double ratio(double curvature, double lr) {
    return 0.5 * lr * curvature;
  }
}
