package dev.descent.engine.layers.maxout;

import static dev.descent.engine.layers.maxout.MaxoutParamInitializer.BIAS;
import static dev.descent.engine.layers.maxout.MaxoutParamInitializer.WEIGHT;

import dev.descent.engine.layers.NormLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link Maxout} layer. Forward: {@code z = x Wᵀ + b} ({@code [N, units·k]}), {@code y[n, j] = z[n, w(n, j)]}
 * with the winning piece {@code w(n, j) = argmax_{p < k} z[n, j·k + p]} (the first on ties). Backward: the gradient
 * flows through the winners only, {@code ∂L/∂z[n, j·k + p] = ∂L/∂y[n, j]} where {@code j·k + p = w(n, j)} and 0
 * elsewhere; then {@code ∂L/∂W = (∂L/∂z)ᵀ x}, {@code ∂L/∂b = Σ_n ∂L/∂z}, {@code ∂L/∂x = (∂L/∂z) W}.
 */
public final class MaxoutLayer extends NormLayer<Maxout> {
  private INDArray x;
  /** Per sample and unit, the column of z that won. */
  private int[] winners;

  MaxoutLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray forward(INDArray x, boolean training) {
    this.x = x;
    INDArray z = x.mmul(getParam(WEIGHT).transpose()).addiRowVector(getParam(BIAS));
    int rows = (int) z.size(0);
    int pieces = layerConf().getPieces();
    int columns = (int) z.size(1);
    int units = columns / pieces;
    double[] values = z.dup('c').data().asDouble();
    double[] y = new double[rows * units];
    winners = new int[rows * units];
    for (int n = 0; n < rows; n++) {
      for (int j = 0; j < units; j++) {
        int start = n * columns + j * pieces;
        int best = start;
        for (int p = start + 1; p < start + pieces; p++) {
          best = values[p] > values[best] ? p : best;
        }
        winners[n * units + j] = best - n * columns;
        y[n * units + j] = values[best];
      }
    }
    return Nd4j.createFromArray(y).reshape('c', rows, units).castTo(z.dataType());
  }

  @Override
  protected INDArray backward(INDArray gradY) {
    int rows = (int) gradY.size(0);
    int units = (int) gradY.size(1);
    int columns = units * layerConf().getPieces();
    double[] upstream = gradY.dup('c').data().asDouble();
    double[] gradZ = new double[rows * columns];
    for (int n = 0; n < rows; n++) {
      for (int j = 0; j < units; j++) {
        gradZ[n * columns + winners[n * units + j]] = upstream[n * units + j];
      }
    }
    INDArray weight = getParam(WEIGHT);
    INDArray dz = Nd4j.createFromArray(gradZ).reshape('c', rows, columns).castTo(weight.dataType());
    gradientViews.get(WEIGHT).assign(dz.transpose().mmul(x.castTo(weight.dataType())));
    gradientViews.get(BIAS).assign(dz.sum(0));
    return dz.mmul(weight);
  }
}
