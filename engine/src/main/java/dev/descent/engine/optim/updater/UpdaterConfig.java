package dev.descent.engine.optim.updater;

import dev.descent.engine.value.ValueIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Common part of our {@link IUpdater} configurations: the learning rate (a constant or an {@link ISchedule}), cloning,
 * equality and instantiation of the paired {@link StateUpdater} (from {@link UpdateRules}). DL4J serializes these
 * configurations field by field (the {@code IUpdater} interface declares field visibility), so subclasses keep plain
 * non-final fields, a public no-argument constructor, and public getters/setters.
 */
public abstract class UpdaterConfig implements IUpdater {
  private double learningRate;
  private ISchedule learningRateSchedule;

  protected UpdaterConfig(double learningRate) {
    this.learningRate = learningRate;
  }

  /** The hyperparameters besides the learning rate, in a fixed order: equality and {@link #toString()} use them. */
  protected abstract List<Object> hyperparameters();

  /** How many state arrays, each as long as the parameters, the updater keeps: one per state key. */
  @Override
  public long stateSize(long numParams) {
    return UpdateRules.of(this).stateKeyCount() * numParams;
  }

  @Override
  public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
    StateUpdater<?> updater = UpdateRules.of(this);
    int slots = updater.stateKeyCount();
    if (viewArray != null && slots > 0) {
      long perSlot = viewArray.length() / slots;
      long[] gradientShape = viewArray.rank() == 1 ? new long[] {perSlot} : new long[] {1, perSlot};
      updater.setStateViewArray(viewArray, gradientShape, viewArray.ordering(), initializeViewArray);
    }
    return updater;
  }

  @Override
  public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
    StateUpdater<?> updater = UpdateRules.of(this);
    updater.setState(updaterState, initializeStateArrays);
    return updater;
  }

  @Override
  public UpdaterConfig clone() {
    try {
      UpdaterConfig copy = (UpdaterConfig) super.clone();
      copy.learningRateSchedule = learningRateSchedule == null ? null : learningRateSchedule.clone();
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public double getLearningRate(int iteration, int epoch) {
    return learningRateSchedule == null ? learningRate : learningRateSchedule.valueAt(iteration, epoch);
  }

  @Override
  public boolean hasLearningRate() {
    return true;
  }

  @Override
  public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
    this.learningRate = lr;
    this.learningRateSchedule = lrSchedule;
  }

  public double getLearningRate() {
    return learningRate;
  }

  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  public ISchedule getLearningRateSchedule() {
    return learningRateSchedule;
  }

  public void setLearningRateSchedule(ISchedule learningRateSchedule) {
    this.learningRateSchedule = learningRateSchedule;
  }

  private List<Object> identity() {
    List<Object> all = new ArrayList<>(hyperparameters());
    all.add(learningRate);
    all.add(learningRateSchedule);
    return all;
  }

  @Override
  public boolean equals(Object other) {
    return ValueIdentity.equal(this, other, UpdaterConfig::identity);
  }

  @Override
  public int hashCode() {
    return ValueIdentity.hash(this, identity());
  }

  @Override
  public String toString() {
    return ValueIdentity.text(this, identity());
  }
}
