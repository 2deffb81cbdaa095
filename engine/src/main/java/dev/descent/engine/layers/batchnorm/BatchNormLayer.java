package dev.descent.engine.layers.batchnorm;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;
import static dev.descent.engine.layers.batchnorm.BatchNormParamInitializer.RUNNING_MEAN;
import static dev.descent.engine.layers.batchnorm.BatchNormParamInitializer.RUNNING_VAR;

import dev.descent.engine.layers.NormLayer;
import dev.descent.engine.layers.Standardization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link BatchNorm} layer: standardizes each feature or channel over the batch axes (N, or N, H, W)
 * ({@link Standardization}) and applies {@code γ_c · x̂ + β_c}; gradients: {@code ∂L/∂β_c = Σ ∂L/∂y},
 * {@code ∂L/∂γ_c = Σ ∂L/∂y ⊙ x̂}, {@code ∂L/∂x̂ = γ_c ∂L/∂y}, then through the batch statistics (training) or through
 * the constant running statistics (inference).
 */
public final class BatchNormLayer extends NormLayer<BatchNorm> {
  private static final int[] DENSE_BATCH_AXES = {0};
  private static final int[] CONV_BATCH_AXES = {0, 2, 3};

  private Standardization standardization;
  private boolean batchStatistics;

  BatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    int[] batchAxes = x.rank() == 2 ? DENSE_BATCH_AXES : CONV_BATCH_AXES;
    double eps = layerConf().getEps();
    batchStatistics = training;
    if (training) {
      standardization = Standardization.over(x, eps, batchAxes);
      updateRunningStatistics(x.length() / x.size(1));
    } else {
      standardization = Standardization.withStatistics(x, getParam(RUNNING_MEAN), getParam(RUNNING_VAR), eps,
          batchAxes);
    }
    return perChannelAffine(standardization.normalized().dup(), getParam(GAMMA), getParam(BETA));
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    int[] batchAxes = gradZ.rank() == 2 ? DENSE_BATCH_AXES : CONV_BATCH_AXES;
    gradientViews.get(BETA).assign(gradZ.sum(batchAxes));
    gradientViews.get(GAMMA).assign(gradZ.mul(standardization.normalized()).sum(batchAxes));
    gradientViews.get(RUNNING_MEAN).assign(0);
    gradientViews.get(RUNNING_VAR).assign(0);
    INDArray gradNormalized = perChannelScale(gradZ.dup(), getParam(GAMMA));
    return batchStatistics
        ? standardization.backward(gradNormalized)
        : standardization.backwardThroughConstants(gradNormalized);
  }

  /** {@code running = (1 − m) · running + m · batch}, with the unbiased batch variance (PyTorch's convention). */
  private void updateRunningStatistics(long valuesPerChannel) {
    if (valuesPerChannel < 2) {
      throw new IllegalArgumentException("batch norm needs more than one value per channel in training, layer "
          + layerId());
    }
    double momentum = layerConf().getMomentum();
    INDArray unbiasedVar = standardization.variance().mul(valuesPerChannel / (valuesPerChannel - 1.0));
    getParam(RUNNING_MEAN).muli(1 - momentum).addi(standardization.mean().mul(momentum));
    getParam(RUNNING_VAR).muli(1 - momentum).addi(unbiasedVar.muli(momentum));
  }
}
