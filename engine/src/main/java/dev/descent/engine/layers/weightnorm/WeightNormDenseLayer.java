package dev.descent.engine.layers.weightnorm;

import static dev.descent.engine.layers.weightnorm.WeightNormParamInitializer.BIAS;
import static dev.descent.engine.layers.weightnorm.WeightNormParamInitializer.DIRECTION;
import static dev.descent.engine.layers.weightnorm.WeightNormParamInitializer.SCALE;

import dev.descent.engine.layers.NormLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link WeightNormDense} layer. Forward: {@code W = V · diag(g / ‖v_j‖)}, {@code z = x W + b}. Backward
 * (Salimans &amp; Kingma 2016, eq. 3), with {@code ∂L/∂W = xᵀ ∂L/∂z}: {@code ∂L/∂g_j = (∂L/∂w_j · v_j) / ‖v_j‖},
 * {@code ∂L/∂v_j = (g_j / ‖v_j‖) ∂L/∂w_j − (g_j ∂L/∂g_j / ‖v_j‖²) v_j}, {@code ∂L/∂b = Σ_n ∂L/∂z},
 * {@code ∂L/∂x = ∂L/∂z Wᵀ}.
 */
public final class WeightNormDenseLayer extends NormLayer<WeightNormDense> {
  private INDArray x;
  private INDArray weight;
  private INDArray directionNorms;

  WeightNormDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    this.x = x;
    INDArray direction = getParam(DIRECTION);
    directionNorms = direction.norm2(0);
    weight = direction.mulRowVector(getParam(SCALE).div(directionNorms));
    return x.mmul(weight).addiRowVector(getParam(BIAS));
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray direction = getParam(DIRECTION);
    INDArray scale = getParam(SCALE);
    INDArray gradWeight = x.transpose().mmul(gradZ);
    INDArray gradScale = gradWeight.mul(direction).sum(0).divi(directionNorms);
    INDArray directionCoefficient = scale.mul(gradScale).divi(directionNorms.mul(directionNorms));
    INDArray gradDirection = gradWeight.mulRowVector(scale.div(directionNorms))
        .subi(direction.mulRowVector(directionCoefficient));
    gradientViews.get(DIRECTION).assign(gradDirection);
    gradientViews.get(SCALE).assign(gradScale);
    gradientViews.get(BIAS).assign(gradZ.sum(0));
    return gradZ.mmul(weight.transpose());
  }
}
