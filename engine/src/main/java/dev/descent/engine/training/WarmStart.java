package dev.descent.engine.training;

import dev.descent.engine.data.TrainingData;
import dev.descent.engine.layers.residual.ResidualBlock;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.optim.OptimizerSpec;
import dev.descent.engine.spec.FlattenLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spec.WarmStartSpec;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * A warm start ({@link WarmStartSpec}): the job's fresh network (built and initialised as usual, its data-dependent
 * init — bias inits, LSUV — included) gets the parameters of the chosen layers copied bit for bit from a source
 * checkpoint's network, spec layer i from the source network's layer at the same position (a {@code flatten} has
 * none). A frozen layer keeps them: its updater becomes SGD with rate 0 and it loses its weight decay, so every update
 * adds exactly zero; the layer classes and the configuration stay as they are, and checkpoints carry the frozen
 * updaters, so a resumed run needs no source. The loops start from the result as from a step-0 checkpoint
 * ({@link #start}).
 */
public final class WarmStart {
  private WarmStart() {}

  /** The content of a step-0 checkpoint of the warm-started network, for a loop to start from. */
  public static byte[] start(TrainingSpec spec, TrainingData data, byte[] source) {
    if (source == null) {
      throw new IllegalStateException("the job starts warm from job " + spec.init().fromJob()
          + " but its checkpoint " + spec.init().checkpoint() + " is not available (deleted?)");
    }
    boolean fullBatch = spec.optimizerSpec() instanceof OptimizerSpec.FullBatch;
    int perEpoch = (data.train().size() + spec.batchSize() - 1) / spec.batchSize();
    MultiLayerNetwork network = fullBatch ? NetworkFactory.build(spec, 1)
        : NetworkFactory.build(spec, perEpoch, data.train());
    apply(network, spec, NetworkSnapshots.read(source));
    return NetworkSnapshots.write(network);
  }

  /** Copies the spec's {@code init.layers} from {@code source} into {@code network} and freezes its {@code freeze}. */
  public static void apply(MultiLayerNetwork network, TrainingSpec spec, MultiLayerNetwork source) {
    int[] positions = positions(spec);
    List<Violation> problems = shapes(network, spec, source);
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    for (int layer : spec.init().layers()) {
      if (positions[layer] >= 0) {
        copyLayer(source, network, positions[layer]);
      }
    }
    for (int layer : spec.init().freeze()) {
      if (positions[layer] >= 0) {
        freeze(network.getLayerWiseConfigurations().getConf(positions[layer]).getLayer());
      }
    }
    network.setUpdater(null);
  }

  /** Copies the parameters of DL4J layer {@code at} bit for bit from {@code source} into {@code target}. */
  static void copyLayer(MultiLayerNetwork source, MultiLayerNetwork target, int at) {
    for (String key : target.getLayer(at).paramTable().keySet()) {
      target.getLayer(at).setParam(key, source.getLayer(at).getParam(key));
    }
  }

  /**
   * The shape problems of copying the spec's {@code init.layers} from {@code source} (at {@code /init/layers/i},
   * naming both shapes), for the submit check; none when every copied layer's parameters match.
   */
  public static List<Violation> check(TrainingSpec spec, byte[] source) {
    return shapes(NetworkFactory.build(spec, 1), spec, NetworkSnapshots.read(source));
  }

  private static List<Violation> shapes(MultiLayerNetwork network, TrainingSpec spec, MultiLayerNetwork source) {
    int[] positions = positions(spec);
    List<Violation> out = new ArrayList<>();
    List<Integer> layers = spec.init().layers();
    for (int i = 0; i < layers.size(); i++) {
      int at = positions[layers.get(i)];
      if (at < 0) {
        continue;
      }
      String here = shapes(network, at);
      String there = at < source.getnLayers() ? shapes(source, at) : "no layer";
      if (!here.equals(there)) {
        out.add(new Violation("/init/layers/" + i, "layer " + layers.get(i) + " has parameter shapes " + here
            + " but the source checkpoint's layer " + at + " has " + there));
      }
    }
    return out;
  }

  /** Every layer's parameters as [{name=[shape], …}, …], in their order. */
  static String shapes(MultiLayerNetwork network) {
    List<String> out = new ArrayList<>();
    for (int layer = 0; layer < network.getnLayers(); layer++) {
      out.add(shapes(network, layer));
    }
    return out.toString();
  }

  /** A layer's parameters as {name=[shape], …}, in their order. */
  private static String shapes(MultiLayerNetwork network, int layer) {
    Map<String, String> shapes = new LinkedHashMap<>();
    for (Map.Entry<String, INDArray> e : network.getLayer(layer).paramTable().entrySet()) {
      shapes.put(e.getKey(), Arrays.toString(e.getValue().shape()));
    }
    return shapes.toString();
  }

  /** The DL4J layer index of each spec layer, -1 for one without a DL4J layer ({@code flatten}). */
  static int[] positions(TrainingSpec spec) {
    List<LayerSpec> layers = spec.model().layers();
    int[] out = new int[layers.size()];
    int next = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = layers.get(i) instanceof FlattenLayerSpec ? -1 : next++;
    }
    return out;
  }

  /** Freezes a layer: SGD with rate 0 and no weight decay, so that every update adds exactly zero. */
  static void freeze(Layer layer) {
    for (Layer inner : ResidualBlock.expand(layer)) {
      if (inner instanceof BaseLayer base) {
        base.setIUpdater(new Sgd(0.0));
        base.setBiasUpdater(null);
        base.setRegularization(new ArrayList<>());
        base.setRegularizationBias(new ArrayList<>());
      }
    }
  }
}
