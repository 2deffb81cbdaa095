package dev.descent.engine.layers.batchnorm;

import dev.descent.engine.layers.NormConfig;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Batch normalization (Ioffe &amp; Szegedy 2015, "Batch Normalization: Accelerating Deep Network Training by Reducing
 * Internal Covariate Shift", arXiv:1502.03167, Algorithm 1) of feed-forward input {@code [N, C]} per feature and of
 * NCHW input per channel: {@code y = act(γ · (x − μ) / √(σ² + ε) + β)}.
 *
 * <p>Training uses the minibatch statistics (biased variance σ² over N, or N·H·W) and updates the running statistics
 * with PyTorch's convention {@code running = (1 − m) · running + m · batch}, momentum {@code m} (default 0.1), where
 * the running variance receives the <b>unbiased</b> batch variance {@code σ² · M / (M − 1)}, as PyTorch stores it.
 * Inference uses the running statistics. The running statistics are network parameters (they survive checkpoints)
 * with the NoOp updater and a zero gradient, so neither the optimizer nor gradient clipping sees them.
 */
public class BatchNorm extends NormConfig {
  /** PyTorch's default momentum of the running statistics. */
  public static final double DEFAULT_MOMENTUM = 0.1;

  private double momentum;

  public BatchNorm() {
    this(new Builder());
  }

  private BatchNorm(Builder builder) {
    super(builder);
    this.momentum = builder.momentum;
  }

  public double getMomentum() {
    return momentum;
  }

  public void setMomentum(double momentum) {
    this.momentum = momentum;
  }

  @Override
  public ParamInitializer initializer() {
    return BatchNormParamInitializer.INSTANCE;
  }

  @Override
  public IUpdater getUpdaterByParam(String paramName) {
    return BatchNormParamInitializer.isRunningStatistic(paramName) ? new NoOp() : super.getUpdaterByParam(paramName);
  }

  @Override
  protected Layer createLayer(NeuralNetConfiguration conf, DataType dataType) {
    return new BatchNormLayer(conf, dataType);
  }

  /** Builds a {@link BatchNorm}; {@code nIn} is inferred from the input type when the network declares one. */
  public static final class Builder extends NormConfig.Builder<Builder> {
    private double momentum = DEFAULT_MOMENTUM;

    /** Weight {@code m} of the current batch in the running statistics; default {@value #DEFAULT_MOMENTUM}. */
    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public BatchNorm build() {
      return new BatchNorm(this);
    }
  }
}
