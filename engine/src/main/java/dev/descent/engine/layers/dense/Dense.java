package dev.descent.engine.layers.dense;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of {@link DenseLayer}: everything of DL4J's {@code DenseLayer} configuration, plus whether the layer
 * passes a gradient to its input. The first layer of a network over flat features does not need one (its input is
 * the data): {@code inputGradient = false} saves one matrix product per update. The class name is stored in
 * checkpoints: keep it.
 */
public class Dense extends org.deeplearning4j.nn.conf.layers.DenseLayer {
  private boolean inputGradient = true;

  public Dense() {}

  /** A copy of {@code built} (made by DL4J's builder) with {@code inputGradient}. */
  public static Dense of(org.deeplearning4j.nn.conf.layers.DenseLayer built, boolean inputGradient) {
    Dense dense = new Dense();
    copyFields(built, dense);
    dense.setInputGradient(inputGradient);
    return dense;
  }

  public boolean isInputGradient() {
    return inputGradient;
  }

  public void setInputGradient(boolean inputGradient) {
    this.inputGradient = inputGradient;
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType networkDataType) {
    LayerValidation.assertNInNOutSet("Dense", getLayerName(), layerIndex, getNIn(), getNOut());
    DenseLayer layer = new DenseLayer(conf, networkDataType);
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(paramsView);
    Map<String, INDArray> table = initializer().init(conf, paramsView, initializeParams);
    layer.setParamTable(table);
    layer.setConf(conf);
    return layer;
  }

  /** Copies every instance field DL4J's configuration classes declare, so that nothing the builder set is lost. */
  private static void copyFields(Object from, Object to) {
    for (Class<?> type = from.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        try {
          field.setAccessible(true);
          field.set(to, field.get(from));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot copy " + field, e);
        }
      }
    }
  }
}
