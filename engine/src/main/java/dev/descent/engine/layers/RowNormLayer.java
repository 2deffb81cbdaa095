package dev.descent.engine.layers;

import static dev.descent.engine.layers.AffineParamInitializer.BETA;
import static dev.descent.engine.layers.AffineParamInitializer.GAMMA;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A normalization layer that standardizes rows of its C-ordered input ({@link #rows}, on contiguous reductions of
 * {@link ChannelStandardization} with the row as channel), then applies the affine per channel on the view
 * {@link #byChannel} (channels on axis 1) in one pass: {@code ∂L/∂β_c = Σ ∂L/∂y}, {@code ∂L/∂γ_c = Σ ∂L/∂y ⊙ x̂}
 * (sums over {@link #affineSumAxes}), {@code ∂L/∂x̂ = γ_c ∂L/∂y}.
 *
 * @param <C> the layer configuration
 */
public abstract class RowNormLayer<C extends NormConfig> extends NormLayer<C> {
  private static final int CHANNEL_AXIS = 1;

  private final ChannelStandardization rows = new ChannelStandardization(0, 1);
  private final Scratch scratch = new Scratch();
  private final int[] affineSumAxes;
  private long[] inputShape;
  private INDArray normalized;

  /** {@code affineSumAxes}: the axes of {@link #byChannel} other than the channel axis. */
  protected RowNormLayer(NeuralNetConfiguration conf, DataType dataType, int... affineSumAxes) {
    super(conf, dataType);
    this.affineSumAxes = affineSumAxes.clone();
  }

  /** {@code values} (C order, the input's shape) viewed as the rows to standardize. */
  protected abstract INDArray rows(INDArray values, long[] inputShape);

  /** {@code values} (C order, the input's length) viewed with the channels on axis 1. */
  protected abstract INDArray byChannel(INDArray values, long[] inputShape);

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    inputShape = x.shape();
    normalized = rows.forward(rows(cOrdered(x), inputShape), null, null, layerConf().getEps());
    INDArray affineView = byChannel(normalized, inputShape);
    INDArray z = scratch.get("z", x.dataType(), affineView.shape());
    ChannelStandardization.scaleShift(affineView, paramVector(GAMMA), paramVector(BETA), CHANNEL_AXIS, z);
    return z.reshape('c', inputShape);
  }

  @Override
  protected INDArray backward(INDArray gradZ) {
    INDArray gradByChannel = byChannel(cOrdered(gradZ), inputShape);
    Nd4j.exec(new Sum(gradByChannel, gradientViews.get(BETA).reshape(-1), affineSumAxes));
    Nd4j.exec(new Dot(gradByChannel, byChannel(normalized, inputShape), gradientViews.get(GAMMA).reshape(-1),
        affineSumAxes));
    INDArray gradNormalized = scratch.get("gradNormalized", gradZ.dataType(), gradByChannel.shape());
    ChannelStandardization.scaleShift(gradByChannel, paramVector(GAMMA), null, CHANNEL_AXIS, gradNormalized);
    INDArray gradRows = gradNormalized.reshape('c', normalized.shape());
    return rows.backward(gradRows, null, null, null).reshape('c', inputShape);
  }
}
