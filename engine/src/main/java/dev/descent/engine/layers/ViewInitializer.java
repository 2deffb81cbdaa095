package dev.descent.engine.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@link FixedKeysInitializer} whose parameters and gradients are views cut from the layer's slice of the flat
 * vector in the same way ({@link #views}); fresh parameters are then set by {@link #initialize}.
 */
public abstract class ViewInitializer extends FixedKeysInitializer {

  protected ViewInitializer(List<String> paramKeys, List<String> weightKeys, List<String> biasKeys) {
    super(paramKeys, weightKeys, biasKeys);
  }

  /** The parameters (or their gradients) of {@code layer}, views of {@code flat}, in flat-vector order. */
  protected abstract Map<String, INDArray> views(Layer layer, INDArray flat);

  /** Sets the initial values of a new layer's parameters. */
  protected abstract void initialize(Layer layer, Map<String, INDArray> params);

  /** {@code length} entries of the vector {@code flat} from {@code offset}, as a view. */
  protected static INDArray slice(INDArray flat, long offset, long length) {
    return flat.get(NDArrayIndex.interval(offset, offset + length));
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
    Map<String, INDArray> params = views(conf.getLayer(), paramsView.reshape(paramsView.length()));
    if (initialize) {
      initialize(conf.getLayer(), params);
    }
    return params;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    return views(conf.getLayer(), gradientView.reshape(gradientView.length()));
  }
}
