package dev.descent.engine.model;

import dev.descent.engine.data.Samples;
import dev.descent.engine.init.Lsuv;
import dev.descent.engine.init.WeightInitSpec;
import dev.descent.engine.init.WeightInits;
import dev.descent.engine.init.bias.BiasInit;
import dev.descent.engine.spec.Conv2dLayerSpec;
import dev.descent.engine.spec.DenseLayerSpec;
import dev.descent.engine.spec.LayerSpec;
import dev.descent.engine.spec.MaxoutLayerSpec;
import dev.descent.engine.spec.OutputLayerSpec;
import dev.descent.engine.spec.ResidualLayerSpec;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.spec.WeightNormConv2dLayerSpec;
import dev.descent.engine.spec.WeightNormDenseLayerSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The initialization steps that need data, run once on a fresh network: the bias inits, each layer's own or else the
 * model's {@code biasInit} ({@link LayerBiasInits}; the output layer's may set its bias from the training labels'
 * marginals; {@code "zero"} everywhere is DL4J's own bias init, so it needs no pass),
 * then LSUV (Mishkin &amp; Matas 2016) when the model or any
 * layer (a residual block's inner ones included) asks for {@code "lsuv"}, on a seeded batch of at most
 * {@value #LSUV_BATCH} training samples. LSUV rescales every dense, output and convolutional layer (weight-normalized
 * ones by their scale g) in turn, those inside residual blocks included, as {@link Lsuv} does.
 */
final class DataDependentInit {
  /** Samples in the batch LSUV measures variances on. */
  static final int LSUV_BATCH = 256;

  private DataDependentInit() {}

  static void apply(MultiLayerNetwork network, TrainingSpec spec, Samples train) {
    List<BiasInit> biases = LayerBiasInits.of(spec.model());
    if (!LayerBiasInits.allZero(biases)) {
      BiasInit.apply(network, biases, train.toDataSet().getLabels());
    }
    lsuv(spec).ifPresent(lsuv -> lsuv.apply(network, train.sample(LSUV_BATCH, spec.seed()).toDataSet().getFeatures()));
  }

  private static Optional<Lsuv> lsuv(TrainingSpec spec) {
    Stream<WeightInitSpec> layerInits = spec.model().layers().stream().flatMap(DataDependentInit::weightInits);
    return Stream.concat(Stream.of(spec.model().weightInit()), layerInits)
        .map(WeightInits::lsuv).flatMap(Optional::stream).findFirst();
  }

  /** A layer's own weight init, or those of a residual block's inner layers. */
  private static Stream<WeightInitSpec> weightInits(LayerSpec layer) {
    if (layer instanceof ResidualLayerSpec block) {
      return block.layers().stream().flatMap(DataDependentInit::weightInits);
    }
    return weightInit(layer).stream();
  }

  private static Optional<WeightInitSpec> weightInit(LayerSpec layer) {
    if (layer instanceof DenseLayerSpec d) {
      return Optional.of(d.weightInit());
    }
    if (layer instanceof OutputLayerSpec o) {
      return Optional.of(o.weightInit());
    }
    if (layer instanceof Conv2dLayerSpec c) {
      return Optional.of(c.weightInit());
    }
    if (layer instanceof WeightNormConv2dLayerSpec c) {
      return Optional.of(c.weightInit());
    }
    if (layer instanceof MaxoutLayerSpec m) {
      return Optional.of(m.weightInit());
    }
    return layer instanceof WeightNormDenseLayerSpec w ? Optional.of(w.weightInit()) : Optional.empty();
  }
}
