package dev.descent.engine.predict;

import dev.descent.engine.data.Preprocessing;
import dev.descent.engine.data.Samples;
import dev.descent.engine.training.NetworkSnapshots;
import java.util.Optional;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One network read from a checkpoint (a DL4J model zip) and run in inference mode on the calling thread. Rows are
 * taken as they are: raw rows go through {@link #preprocessing()} first, the transform the checkpoint stores
 * (standardization, whitening), which the caller applies.
 */
public final class Predictor {
  private final MultiLayerNetwork network;
  private final Optional<Preprocessing> preprocessing;

  private Predictor(MultiLayerNetwork network, Optional<Preprocessing> preprocessing) {
    this.network = network;
    this.preprocessing = preprocessing;
  }

  /** Reads the network of a checkpoint's content and the preprocessing stored with it. */
  public static Predictor of(byte[] checkpoint) {
    return new Predictor(NetworkSnapshots.read(checkpoint), NetworkSnapshots.preprocessing(checkpoint));
  }

  /**
   * The preprocessing fitted on the job's training part and stored with the checkpoint; empty for a checkpoint
   * written before checkpoints stored it (refit it from the spec:
   * {@link dev.descent.engine.data.TrainingData#prepare}).
   */
  public Optional<Preprocessing> preprocessing() {
    return preprocessing;
  }

  /** The number of features a row must have. */
  public int inputWidth() {
    InputPreProcessor first = network.getLayerWiseConfigurations().getInputPreProcess(0);
    if (first instanceof FeedForwardToCnnPreProcessor cnn) {
      return (int) (cnn.getInputHeight() * cnn.getInputWidth() * cnn.getNumChannels());
    }
    return (int) network.layerInputSize(0);
  }

  /** The number of outputs per row: the classes of a classifier, 1 for a regression. */
  public int outputWidth() {
    return (int) network.layerSize(network.getnLayers() - 1);
  }

  /** The outputs for unlabelled rows, each {@link #inputWidth()} wide. */
  public Prediction predict(float[][] rows) {
    INDArray output = output(Nd4j.createFromArray(rows));
    return new Prediction(output.toFloatMatrix(), Optional.empty());
  }

  /** The outputs for labelled rows and their loss, accuracy and confusion matrix (or mean squared error). */
  public Prediction evaluate(Samples samples) {
    DataSet data = samples.toDataSet();
    data.setFeatures(data.getFeatures().castTo(network.params().dataType()));
    data.setLabels(data.getLabels().castTo(network.params().dataType()));
    INDArray output = output(data.getFeatures());
    double loss = network.score(data, false);
    Prediction.Evaluation evaluation = samples.isClassification()
        ? new Prediction.Evaluation(loss, accuracy(output, samples), Double.NaN, confusion(output, samples))
        : new Prediction.Evaluation(loss, Double.NaN,
            output.squaredDistance(data.getLabels()) / output.length(), new long[0][]);
    return new Prediction(output.toFloatMatrix(), Optional.of(evaluation));
  }

  private INDArray output(INDArray features) {
    return network.output(features.castTo(network.params().dataType()), false);
  }

  private static double accuracy(INDArray output, Samples samples) {
    long[] predicted = output.argMax(1).toLongVector();
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == samples.labels()[i] ? 1 : 0;
    }
    return predicted.length == 0 ? Double.NaN : (double) correct / predicted.length;
  }

  private static long[][] confusion(INDArray output, Samples samples) {
    long[][] counts = new long[samples.classes()][samples.classes()];
    long[] predicted = output.argMax(1).toLongVector();
    for (int i = 0; i < predicted.length; i++) {
      counts[samples.labels()[i]][(int) predicted[i]]++;
    }
    return counts;
  }
}
