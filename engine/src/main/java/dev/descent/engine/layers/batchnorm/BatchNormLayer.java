package dev.descent.engine.layers.batchnorm;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;
import static dev.descent.engine.layers.batchnorm.BatchNormParamInitializer.RUNNING_MEAN;
import static dev.descent.engine.layers.batchnorm.BatchNormParamInitializer.RUNNING_VAR;

import dev.descent.engine.layers.ChannelStandardization;
import dev.descent.engine.layers.NormLayer;
import dev.descent.engine.layers.Standardization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link BatchNorm} layer: standardizes each feature or channel over the batch axes (N, or N, H, W) and applies
 * {@code γ_c · x̂ + β_c}. Training uses the minibatch's mean and biased variance, on a few whole-array passes of
 * libnd4j ops ({@link ChannelStandardization}; the normalization itself is libnd4j's {@code batchnorm} op, oneDNN's
 * in an onednn native build), and back-propagates through those statistics. Inference uses the running statistics
 * as constants ({@link Standardization}): {@code ∂L/∂x = γ_c ∂L/∂y / √(σ²_c + ε)}. libnd4j's {@code batchnorm_bp}
 * op is not used: in float64 its ∂L/∂x is off by up to 5e-9 against PyTorch on NCHW input (ours: 1e-15).
 */
public final class BatchNormLayer extends NormLayer<BatchNorm> {
  private static final int[] DENSE_BATCH_AXES = {0};
  private static final int[] CONV_BATCH_AXES = {0, 2, 3};
  private static final int CHANNEL_AXIS = 1;

  private ChannelStandardization batch;
  private Standardization inference;

  BatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    if (!training) {
      inference = Standardization.withStatistics(x, getParam(RUNNING_MEAN), getParam(RUNNING_VAR),
          layerConf().getEps(), batchAxes(x));
      return perChannelAffine(inference.normalized().dup(), getParam(GAMMA), getParam(BETA));
    }
    inference = null;
    if (batch == null || batch.rank() != x.rank()) {
      batch = new ChannelStandardization(CHANNEL_AXIS, batchAxes(x));
    }
    INDArray z = batch.forward(x, vector(getParam(GAMMA)), vector(getParam(BETA)), layerConf().getEps());
    updateRunningStatistics(batch.mean(), batch.variance(), x.length() / x.size(CHANNEL_AXIS));
    return z;
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    gradientViews.get(RUNNING_MEAN).assign(0);
    gradientViews.get(RUNNING_VAR).assign(0);
    if (inference != null) {
      return backwardThroughRunningStatistics(gradZ);
    }
    return batch.backward(gradZ, vector(getParam(GAMMA)), vector(gradientViews.get(GAMMA)),
        vector(gradientViews.get(BETA)));
  }
  private INDArray backwardThroughRunningStatistics(INDArray gradZ) {
    int[] batchAxes = batchAxes(gradZ);
    gradientViews.get(BETA).assign(gradZ.sum(batchAxes));
    gradientViews.get(GAMMA).assign(gradZ.mul(inference.normalized()).sum(batchAxes));
    return inference.backwardThroughConstants(perChannelScale(gradZ.dup(), getParam(GAMMA)));
  }

  /** {@code running = (1 − m) · running + m · batch}, with the unbiased batch variance (PyTorch's convention). */
  private void updateRunningStatistics(INDArray mean, INDArray variance, long valuesPerChannel) {
    if (valuesPerChannel < 2) {
      throw new IllegalArgumentException("batch norm needs more than one value per channel in training, layer "
          + layerId());
    }
    double momentum = layerConf().getMomentum();
    INDArray unbiasedVar = variance.mul(valuesPerChannel / (valuesPerChannel - 1.0));
    getParam(RUNNING_MEAN).muli(1 - momentum).addi(mean.mul(momentum).reshape(getParam(RUNNING_MEAN).shape()));
    getParam(RUNNING_VAR).muli(1 - momentum).addi(unbiasedVar.muli(momentum).reshape(getParam(RUNNING_VAR).shape()));
  }

  private static int[] batchAxes(INDArray values) {
    return values.rank() == 2 ? DENSE_BATCH_AXES : CONV_BATCH_AXES;
  }

  /** A parameter (or gradient) view as the rank-1 array the ops take. */
  private static INDArray vector(INDArray values) {
    return values.reshape(values.length());
  }
}
