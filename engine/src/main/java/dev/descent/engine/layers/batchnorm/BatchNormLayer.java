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
 * The {@link BatchNorm} layer. It lays the input out as one row per feature or channel ({@code [C, M]}, M = N or
 * N·H·W), standardizes the rows ({@link Standardization}) and applies {@code γ_c · x̂ + β_c}; gradients:
 * {@code ∂L/∂β_c = Σ ∂L/∂y}, {@code ∂L/∂γ_c = Σ ∂L/∂y ⊙ x̂}, {@code ∂L/∂x̂ = γ_c ∂L/∂y}, then through the batch statistics
 * (training) or through the constant running statistics (inference).
 */
public final class BatchNormLayer extends NormLayer<BatchNorm> {
  private long[] inputShape;
  private Standardization standardization;
  private boolean batchStatistics;

  BatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    inputShape = x.shape();
    batchStatistics = training;
    INDArray rows = toRows(x);
    double eps = layerConf().getEps();
    if (training) {
      standardization = Standardization.ofRows(rows, eps);
      updateRunningStatistics(rows.size(1));
    } else {
      standardization = Standardization.withStatistics(rows, column(RUNNING_MEAN), column(RUNNING_VAR), eps);
    }
    INDArray z = standardization.normalized().mulColumnVector(column(GAMMA)).addiColumnVector(column(BETA));
    return fromRows(z);
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray gradRows = toRows(gradZ);
    INDArray normalized = standardization.normalized();
    gradientViews.get(BETA).assign(gradRows.sum(1));
    gradientViews.get(GAMMA).assign(gradRows.mul(normalized).sum(1));
    gradientViews.get(RUNNING_MEAN).assign(0);
    gradientViews.get(RUNNING_VAR).assign(0);
    INDArray gradNormalized = gradRows.muliColumnVector(column(GAMMA));
    INDArray gradInputRows = batchStatistics
        ? standardization.backward(gradNormalized)
        : standardization.backwardThroughConstants(gradNormalized);
    return fromRows(gradInputRows);
  }

  /** {@code running = (1 − m) · running + m · batch}, with the unbiased batch variance (PyTorch's convention). */
  private void updateRunningStatistics(long samplesPerRow) {
    if (samplesPerRow < 2) {
      throw new IllegalArgumentException("batch norm needs more than one value per channel in training, layer "
          + layerId());
    }
    double momentum = layerConf().getMomentum();
    INDArray batchMean = standardization.mean().reshape(-1);
    INDArray unbiasedVar = standardization.variance().reshape(-1).mul(samplesPerRow / (samplesPerRow - 1.0));
    getParam(RUNNING_MEAN).muli(1 - momentum).addi(batchMean.muli(momentum));
    getParam(RUNNING_VAR).muli(1 - momentum).addi(unbiasedVar.muli(momentum));
  }

  private INDArray column(String key) {
    return getParam(key).reshape(-1, 1);
  }

  private INDArray toRows(INDArray x) {
    if (x.rank() == 2) {
      return x.transpose().dup('c');
    }
    return reshapeC(x.permute(1, 0, 2, 3), inputShape[1], -1);
  }

  private INDArray fromRows(INDArray rows) {
    if (inputShape.length == 2) {
      return rows.transpose();
    }
    return rows.reshape('c', inputShape[1], inputShape[0], inputShape[2], inputShape[3]).permute(1, 0, 2, 3);
  }
}
