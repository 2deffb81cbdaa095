package dev.descent.engine.layers.maxout;

import dev.descent.engine.layers.WeightLayerConfig;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A maxout layer (Goodfellow, Warde-Farley, Mirza, Courville &amp; Bengio 2013, "Maxout Networks", ICML,
 * arXiv:1302.4389, eq. 1): {@code h_j(x) = max_{p ∈ [0, k)} z_{j·k + p}}, {@code z = x Wᵀ + b}, for {@code nOut}
 * units {@code j} of {@code k = pieces} linear pieces each; {@code W} is {@code [nOut·k, nIn]}, {@code b}
 * {@code [nOut·k]}. The max is the layer's nonlinearity: its activation is identity (the builder sets it, so the
 * network's default activation does not apply). Configured like DL4J's
 * {@code DenseLayer} ({@code nIn}, {@code nOut} = units, weight init with fan-in {@code nIn} and fan-out
 * {@code nOut·k}, bias init) plus {@code pieces}. The class name is stored in checkpoints: keep it.
 */
public class Maxout extends WeightLayerConfig {
  private int pieces;

  public Maxout() {
    this(new Builder());
  }

  private Maxout(Builder builder) {
    super(builder);
    this.pieces = builder.pieces;
  }

  public int getPieces() {
    return pieces;
  }

  public void setPieces(int pieces) {
    this.pieces = pieces;
  }

  /** The rows of {@code W}: {@code nOut · pieces} linear pieces. */
  public long pieceCount() {
    return nOut * pieces;
  }

  @Override
  protected Layer createLayer(NeuralNetConfiguration conf, DataType dataType) {
    if (pieces < 1) {
      throw new IllegalStateException("maxout needs at least 1 piece per unit, layer " + layerName);
    }
    return new MaxoutLayer(conf, dataType);
  }

  @Override
  public ParamInitializer initializer() {
    return MaxoutParamInitializer.INSTANCE;
  }

  /** z and ∂L/∂z, {@code units·pieces} each. */
  @Override
  protected long workingMemoryPerExample(InputType outputType) {
    return 2 * pieceCount();
  }

  /** Builds a {@link Maxout}; {@code nOut} is the number of units. */
  public static final class Builder extends FeedForwardLayer.Builder<Builder> {
    private int pieces = 2;

    /** A builder whose activation is identity, not the network's default (DL4J's is sigmoid). */
    public Builder() {
      activation(Activation.IDENTITY);
    }

    /** The linear pieces {@code k} per unit; default 2. */
    public Builder pieces(int pieces) {
      this.pieces = pieces;
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Maxout build() {
      return new Maxout(this);
    }
  }
}
