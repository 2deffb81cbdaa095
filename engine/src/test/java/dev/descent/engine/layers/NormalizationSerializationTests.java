package dev.descent.engine.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.support.DoublePrecision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

/**
 * {@code ModelSerializer} round trip of a trained network around each layer: the restored network gives identical
 * inference outputs (batch norm: from the running statistics) and, trained one more step beside the original, stays
 * identical, so a configuration field lost in the JSON (ε, momentum, groups, activation) would show.
 */
@ExtendWith(DoublePrecision.class)
class NormalizationSerializationTests {
  private static final int MINIBATCH = 8;
  private static final int TRAINING_STEPS = 3;

  @EveryLayerCase
  void restoredNetworkBehavesIdentically(String name, boolean conv, Supplier<Layer> layer) throws IOException {
    MultiLayerNetwork net = TestNetworks.around(conv, layer.get(), new Adam(0.05));
    INDArray x = TestNetworks.features(conv, MINIBATCH, 3);
    INDArray y = TestNetworks.labels(MINIBATCH, 3);
    for (int step = 0; step < TRAINING_STEPS; step++) {
      net.fit(TestNetworks.features(conv, MINIBATCH, 100 + step), TestNetworks.labels(MINIBATCH, step));
    }
    MultiLayerNetwork restored = roundTrip(net);

    assertThat(restored.getLayer(1).getClass()).isEqualTo(net.getLayer(1).getClass());
    assertThat(restored.output(x, false)).isEqualTo(net.output(x, false));
    net.fit(x, y);
    restored.fit(x, y);
    assertThat(restored.params()).isEqualTo(net.params());
    assertThat(restored.output(x, false)).isEqualTo(net.output(x, false));
  }

  private static MultiLayerNetwork roundTrip(MultiLayerNetwork net) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(net, bytes, true);
    return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
  }
}
