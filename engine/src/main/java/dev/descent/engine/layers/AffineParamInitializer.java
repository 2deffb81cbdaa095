package dev.descent.engine.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The affine parameters of a normalization layer, {@code y = γ ⊙ x̂ + β}: {@code gamma} (initialized to 1) and
 * {@code beta} (initialized to 0), each a vector of {@link NormConfig#affineSize()} entries, laid out in that order in
 * the layer's slice of the network's flat parameter vector. Subclasses may append further constant-initialized
 * parameters. Every parameter is a view of the flat vector (and every gradient of the flat gradient), as DL4J's
 * updaters and {@code ModelSerializer} require.
 */
public class AffineParamInitializer extends ParamKeysInitializer {
  public static final String GAMMA = "gamma";
  public static final String BETA = "beta";

  /** The one instance (the initializer keeps no state). */
  public static final AffineParamInitializer INSTANCE = new AffineParamInitializer();

  /** One parameter vector: its key, its length, the value it starts from. */
  public record ParamSpec(String key, long length, double initialValue) {}

  protected AffineParamInitializer() {}

  /** The layer's parameters in flat-vector order. */
  protected List<ParamSpec> specs(NormConfig layer) {
    long size = layer.affineSize();
    return List.of(new ParamSpec(GAMMA, size, 1.0), new ParamSpec(BETA, size, 0.0));
  }

  @Override
  public long numParams(Layer layer) {
    return specs((NormConfig) layer).stream().mapToLong(ParamSpec::length).sum();
  }

  @Override
  public List<String> paramKeys(Layer layer) {
    return specs((NormConfig) layer).stream().map(ParamSpec::key).toList();
  }

  @Override
  public List<String> weightKeys(Layer layer) {
    return List.of();
  }

  @Override
  public List<String> biasKeys(Layer layer) {
    return List.of();
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
    Map<String, INDArray> params = split(conf, paramsView);
    if (initialize) {
      specs((NormConfig) conf.getLayer()).forEach(spec -> params.get(spec.key()).assign(spec.initialValue()));
    }
    return params;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    return split(conf, gradientView);
  }

  private Map<String, INDArray> split(NeuralNetConfiguration conf, INDArray flatView) {
    INDArray flat = flatView.reshape(flatView.length());
    Map<String, INDArray> views = new LinkedHashMap<>();
    long offset = 0;
    for (ParamSpec spec : specs((NormConfig) conf.getLayer())) {
      views.put(spec.key(), flat.get(NDArrayIndex.interval(offset, offset + spec.length())));
      offset += spec.length();
    }
    return views;
  }
}
