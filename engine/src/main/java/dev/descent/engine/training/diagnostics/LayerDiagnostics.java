package dev.descent.engine.training.diagnostics;

import dev.descent.engine.kernel.HeapChunks;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The per-layer series of one update, measured when {@link #arm armed} before it: {@code grad_norm/<layer>}, the L2
 * norm of the layer's share of the mean gradient, {@code ‖Σ_i ∇ℓ_i‖ / B}, read in {@code onBackwardPass} before any
 * clipping (this listener runs before the loop's gradient-norm listener, and the squares of the layers' norms add up
 * to the global {@code grad_norm}); {@code update_ratio/<layer>}, {@code ‖θ_after − θ_before‖ / ‖θ_before‖} over
 * the layer's trained parameters (those with an updater; batch norm's running statistics have none); and, for
 * ReLU-family layers, {@code dead_fraction/<layer>}, the share of the layer's output units (features, or
 * channel × position) that were zero for every sample of the batch, read from the forward pass (the output layer's
 * activations are not part of DL4J's training forward pass, so it has none).
 */
final class LayerDiagnostics extends BaseTrainingListener {
  private final List<ProbedLayer> layers;
  private final MultiLayerNetwork network;
  private final double[] gradNorms;
  private final double[] deadFractions;
  private final List<List<INDArray>> before = new ArrayList<>();
  private boolean armed;

  LayerDiagnostics(List<ProbedLayer> layers, MultiLayerNetwork network) {
    this.layers = layers;
    this.network = network;
    this.gradNorms = new double[layers.size()];
    this.deadFractions = new double[layers.size()];
  }

  /** Measures the next update: copies each layer's trained parameters as they are before it. */
  void arm() {
    armed = true;
    Arrays.fill(gradNorms, Double.NaN);
    Arrays.fill(deadFractions, Double.NaN);
    before.clear();
    for (ProbedLayer layer : layers) {
      before.add(trained(network.getLayer(layer.index())).stream().map(INDArray::dup).toList());
    }
  }

  @Override
  public void onForwardPass(Model model, List<INDArray> activations) {
    if (!armed) {
      return;
    }
    try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
      for (int i = 0; i < layers.size(); i++) {
        int at = layers.get(i).index() + 1;
        if (layers.get(i).rectified() && at < activations.size()) {
          deadFractions[i] = deadFraction(activations.get(at));
        }
      }
    }
  }

  @Override
  public void onBackwardPass(Model model) {
    if (!armed) {
      return;
    }
    for (int i = 0; i < layers.size(); i++) {
      INDArray gradient = network.getLayer(layers.get(i).index()).getGradientsViewArray();
      if (gradient != null && gradient.length() > 0) {
        gradNorms[i] = HeapChunks.norm2(gradient) / model.batchSize();
      }
    }
  }

  /** Records the series of the armed update, now done, as step {@code step}; then disarms. */
  void record(long step, int epoch, MetricSink sink) {
    if (!armed) {
      return;
    }
    armed = false;
    for (int i = 0; i < layers.size(); i++) {
      String name = layers.get(i).name();
      double ratio = updateRatio(trained(network.getLayer(layers.get(i).index())), before.get(i));
      emit(sink, "grad_norm/" + name, step, epoch, gradNorms[i]);
      emit(sink, "update_ratio/" + name, step, epoch, ratio);
      emit(sink, "dead_fraction/" + name, step, epoch, deadFractions[i]);
    }
    before.clear();
  }

  private static void emit(MetricSink sink, String name, long step, int epoch, double value) {
    if (!Double.isNaN(value)) {
      sink.record(new MetricPoint(name, step, epoch, value));
    }
  }

  /** ‖after − before‖ / ‖before‖ over the views; NaN for a layer without trained parameters. */
  private static double updateRatio(List<INDArray> after, List<INDArray> before) {
    double step = 0;
    double size = 0;
    for (int k = 0; k < after.size(); k++) {
      INDArray old = before.get(k);
      size += square(HeapChunks.norm2(old));
      step += square(HeapChunks.norm2(old.rsubi(after.get(k))));
    }
    return after.isEmpty() ? Double.NaN : Math.sqrt(step) / Math.sqrt(size);
  }

  /** The share of the units (columns of {@code [B, units]}) that are zero in every row. */
  static double deadFraction(INDArray activations) {
    INDArray rows = activations.reshape('c', activations.size(0), activations.length() / activations.size(0));
    INDArray largest = Transforms.abs(rows, true).max(0);
    return largest.eq(0.0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
  }

  /** The views of the layer's parameters that an updater trains. */
  private static List<INDArray> trained(Layer layer) {
    List<INDArray> views = new ArrayList<>();
    layer.paramTable().forEach((key, view) -> {
      if (!(layer.conf().getLayer().getUpdaterByParam(key) instanceof NoOp)) {
        views.add(view);
      }
    });
    return views;
  }

  private static double square(double x) {
    return x * x;
  }
}
