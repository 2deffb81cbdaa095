package dev.descent.engine.training;

import dev.descent.engine.data.TrainingData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The per-epoch metrics. {@code train_loss} is the sample-weighted mean of the epoch's minibatch losses (what the
 * loop already computed; no extra pass). {@code train_accuracy} and the validation metrics come from inference-mode
 * passes of the end-of-epoch network; {@code train_accuracy} over at most {@value #MAX_TRAIN_SAMPLES} training
 * samples drawn once by the job's seed, so that its cost stays bounded on large sets: {@code val_loss} is DL4J's mean
 * loss, {@code *_accuracy} the fraction whose arg-max output is the true class, {@code val_mse} the mean of
 * {@code (ŷ − y)²}.
 */
final class EpochEvaluator {
  static final int MAX_TRAIN_SAMPLES = 4_096;

  private final DataSet train;
  private final DataSet validation;
  private final boolean classification;

  EpochEvaluator(TrainingData data, long seed) {
    this.classification = data.train().isClassification();
    this.train = classification ? data.train().sample(MAX_TRAIN_SAMPLES, seed).toDataSet() : null;
    this.validation = data.validation().size() > 0 ? data.validation().toDataSet() : null;
  }

  Map<String, Double> evaluate(MultiLayerNetwork network, double trainLoss) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("train_loss", trainLoss);
    if (classification) {
      metrics.put("train_accuracy", accuracy(network.output(train.getFeatures(), false), train.getLabels()));
    }
    if (validation != null) {
      metrics.put("val_loss", network.score(validation, false));
      INDArray output = network.output(validation.getFeatures(), false);
      if (classification) {
        metrics.put("val_accuracy", accuracy(output, validation.getLabels()));
      } else {
        metrics.put("val_mse", output.squaredDistance(validation.getLabels()) / output.length());
      }
    }
    return metrics;
  }

  private static double accuracy(INDArray output, INDArray oneHot) {
    return output.argMax(1).eq(oneHot.argMax(1)).castTo(DataType.DOUBLE).meanNumber().doubleValue();
  }
}
