package dev.descent.engine.layers;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The part of a {@link ParamInitializer} that follows from its key lists: the count from the configuration's layer,
 * and whether a key is a weight or a bias from {@link #weightKeys} and {@link #biasKeys}.
 */
public abstract class ParamKeysInitializer implements ParamInitializer {
  @Override
  public long numParams(NeuralNetConfiguration conf) {
    return numParams(conf.getLayer());
  }

  @Override
  public boolean isWeightParam(Layer layer, String key) {
    return weightKeys(layer).contains(key);
  }

  @Override
  public boolean isBiasParam(Layer layer, String key) {
    return biasKeys(layer).contains(key);
  }
}
