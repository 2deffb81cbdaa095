package dev.descent.engine.layers;

import java.util.List;
import org.deeplearning4j.nn.conf.layers.Layer;

/** A {@link ParamKeysInitializer} whose parameter, weight and bias keys are the same for every layer. */
public abstract class FixedKeysInitializer extends ParamKeysInitializer {
  private final List<String> paramKeys;
  private final List<String> weightKeys;
  private final List<String> biasKeys;

  /** The keys in flat-vector order, and which of them are weights and biases. */
  protected FixedKeysInitializer(List<String> paramKeys, List<String> weightKeys, List<String> biasKeys) {
    this.paramKeys = List.copyOf(paramKeys);
    this.weightKeys = List.copyOf(weightKeys);
    this.biasKeys = List.copyOf(biasKeys);
  }

  @Override
  public List<String> paramKeys(Layer layer) {
    return paramKeys;
  }

  @Override
  public List<String> weightKeys(Layer layer) {
    return weightKeys;
  }

  @Override
  public List<String> biasKeys(Layer layer) {
    return biasKeys;
  }
}
