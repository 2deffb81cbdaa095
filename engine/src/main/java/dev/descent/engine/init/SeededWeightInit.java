package dev.descent.engine.init;

import dev.descent.engine.value.ValueIdentity;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect.Visibility;

/**
 * The common frame of our schemes: draws a seed from ND4J's global generator (seeded by the network's seed in
 * {@code MultiLayerNetwork.init()}), lets the scheme sample each unit's incoming weights, multiplies by {@code scale}
 * and writes them into DL4J's view. The network's JSON carries each scheme's settings from its fields (field
 * visibility, no getters or setters: the property names are the field names, as stored in every checkpoint).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public abstract class SeededWeightInit implements IWeightInit {
  /** The default multiplier on every scheme's weights. */
  public static final double DEFAULT_SCALE = 1.0;

  private double scale = DEFAULT_SCALE;

  @Override
  public final INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
    UnitLayout layout = UnitLayout.of(shape, order);
    SplittableRandom random = new SplittableRandom(Nd4j.getRandom().nextLong());
    layout.write(sample(fanIn, fanOut, layout.units(), layout.inputs(), random), scale, paramView);
    return paramView.reshape(order, shape);
  }

  /** {@code units · inputs} weights, unit-major (input {@code i} of unit {@code u} at {@code u·inputs + i}). */
  protected abstract double[] sample(
      double fanIn, double fanOut, int units, int inputs, SplittableRandom random);

  public double getScale() {
    return scale;
  }

  public void setScale(double scale) {
    this.scale = scale;
  }

  @Override
  public boolean equals(Object other) {
    return ValueIdentity.equal(this, other, SeededWeightInit::settings);
  }

  @Override
  public int hashCode() {
    return ValueIdentity.hash(this, settings());
  }

  @Override
  public String toString() {
    return ValueIdentity.text(this, settings());
  }

  /** Every setting, scale included, for equality. */
  protected abstract List<Object> settings();
}
