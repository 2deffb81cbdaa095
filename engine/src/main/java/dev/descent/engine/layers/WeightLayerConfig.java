package dev.descent.engine.layers;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration base of our feed-forward weight layers (weight-normalized dense, maxout): configured like DL4J's
 * {@code DenseLayer}, their implementation created by {@link #createLayer} and wired to its parameter views by
 * {@link LayerWiring}, their memory report from their parameter count and working memory.
 */
public abstract class WeightLayerConfig extends FeedForwardLayer {

  protected WeightLayerConfig(FeedForwardLayer.Builder<?> builder) {
    super(builder);
  }

  /** Creates this configuration's layer implementation. */
  protected abstract Layer createLayer(NeuralNetConfiguration conf, DataType dataType);

  /** Working memory (elements) per minibatch regardless of its size, in training; none unless overridden. */
  protected long fixedWorkingMemory() {
    return 0;
  }

  /** Working memory (elements) per example in training. */
  protected abstract long workingMemoryPerExample(InputType outputType);

  @Override
  public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
      INDArray paramsView, boolean initializeParams, DataType dataType) {
    return LayerWiring.wire(createLayer(conf, dataType), conf, listeners, layerIndex, paramsView, initializeParams);
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    InputType outputType = getOutputType(-1, inputType);
    return new LayerMemoryReport.Builder(layerName, getClass(), inputType, outputType)
        .standardMemory(initializer().numParams(this), 0)
        .workingMemory(0, 0, fixedWorkingMemory(), workingMemoryPerExample(outputType))
        .cacheMemory(0, 0)
        .build();
  }
}
