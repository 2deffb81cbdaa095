package dev.descent.engine.layers.weightnorm;

import static dev.descent.engine.layers.weightnorm.WeightNormParamInitializer.BIAS;
import static dev.descent.engine.layers.weightnorm.WeightNormParamInitializer.DIRECTION;
import static dev.descent.engine.layers.weightnorm.WeightNormParamInitializer.SCALE;

import dev.descent.engine.layers.NormLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link WeightNormDense} layer: {@code W = g · v / ‖v‖} per column ({@link WeightNormalization}),
 * {@code z = x W + b}; backward {@code ∂L/∂W = xᵀ ∂L/∂z} (then through the reparameterization),
 * {@code ∂L/∂b = Σ_n ∂L/∂z}, {@code ∂L/∂x = ∂L/∂z Wᵀ}.
 */
public final class WeightNormDenseLayer extends NormLayer<WeightNormDense> {
  private static final WeightNormalization COLUMNS = new WeightNormalization(2, 1);

  private INDArray x;
  private INDArray weight;

  WeightNormDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    this.x = x;
    weight = COLUMNS.weight(getParam(DIRECTION), getParam(SCALE));
    return x.mmul(weight).addiRowVector(getParam(BIAS));
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray gradDirection = gradientViews.get(DIRECTION);
    gradDirection.assign(x.transpose().mmul(gradZ));
    COLUMNS.backward(getParam(DIRECTION), getParam(SCALE), gradDirection, gradientViews.get(SCALE));
    gradientViews.get(BIAS).assign(gradZ.sum(0));
    return gradZ.mmul(weight.transpose());
  }
}
