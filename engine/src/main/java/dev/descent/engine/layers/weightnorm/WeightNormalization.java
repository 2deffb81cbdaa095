package dev.descent.engine.layers.weightnorm;

import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weight-normalization reparameterization (Salimans &amp; Kingma 2016, "Weight Normalization: A Simple
 * Reparameterization to Accelerate Training of Deep Neural Networks", arXiv:1602.07868) for a weight array whose
 * output units lie along one axis: {@code w_j = g_j · v_j / ‖v_j‖} (eq. 2), and its gradients (eq. 3)
 * {@code ∂L/∂g_j = (∂L/∂w_j · v_j) / ‖v_j‖}, {@code ∂L/∂v_j = (g_j / ‖v_j‖) ∂L/∂w_j − (g_j ∂L/∂g_j / ‖v_j‖²) v_j}.
 */
final class WeightNormalization {
  private final int unitAxis;
  private final int[] normAxes;

  /** For weights of rank {@code rank} whose output units lie along {@code unitAxis}. */
  WeightNormalization(int rank, int unitAxis) {
    this.unitAxis = unitAxis;
    this.normAxes = IntStream.range(0, rank).filter(axis -> axis != unitAxis).toArray();
  }

  /** {@code w = g · v / ‖v‖} per unit, a new array. */
  INDArray weight(INDArray direction, INDArray scale) {
    return perUnit(direction, scale.div(direction.norm2(normAxes)), direction.ulike());
  }

  /**
   * Turns {@code gradWeight} ({@code ∂L/∂w}) into {@code ∂L/∂v} in place and writes {@code ∂L/∂g} into
   * {@code gradScale}.
   */
  void backward(INDArray direction, INDArray scale, INDArray gradWeight, INDArray gradScale) {
    INDArray norms = direction.norm2(normAxes);
    gradScale.assign(gradWeight.mul(direction).sum(normAxes).divi(norms));
    INDArray directionCoefficient = scale.mul(gradScale).divi(norms.mul(norms));
    INDArray projection = perUnit(direction, directionCoefficient, direction.ulike());
    perUnit(gradWeight, scale.div(norms), gradWeight).subi(projection);
  }

  private INDArray perUnit(INDArray values, INDArray factors, INDArray result) {
    Nd4j.getExecutioner().exec(new BroadcastMulOp(values, factors, result, unitAxis));
    return result;
  }
}
