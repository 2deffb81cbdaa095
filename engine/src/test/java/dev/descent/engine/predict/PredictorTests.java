package dev.descent.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.data.Preprocessing;
import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import dev.descent.engine.support.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PredictorTests {

  @Test
  void theFinalCheckpointReproducesTheReportedValidationMetricsAndAnswersProbabilities() throws IOException {
    TrainingSpec spec = SpecParser.parse(
        Files.readString(Path.of("..", "examples", "iris-mlp.json")), EngineLimits.DEFAULTS);
    RecordingContext rec = new RecordingContext();
    new TrainingEngine().run(spec, rec.context());
    Predictor predictor = Predictor.of(rec.checkpoints.get(rec.checkpoints.size() - 1).content());
    assertThat(predictor.inputWidth()).isEqualTo(4);

    Samples validation = TrainingData.prepare(spec.dataset(), spec.seed()).validation();
    Prediction.Evaluation scored = predictor.evaluate(validation).evaluation().orElseThrow();
    assertThat(scored.accuracy()).isCloseTo(last(rec, "val_accuracy"), within(1e-9));
    assertThat(scored.loss()).isCloseTo(last(rec, "val_loss"), within(1e-6));
    assertThat(Arrays.stream(scored.confusion()).flatMapToLong(Arrays::stream).sum()).isEqualTo(validation.size());
    long correct = 0;
    for (int k = 0; k < scored.confusion().length; k++) {
      correct += scored.confusion()[k][k];
    }
    assertThat((double) correct / validation.size()).isCloseTo(scored.accuracy(), within(1e-12));

    float[][] raw = {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}};
    Prediction given = predictor.predict(predictor.preprocessing().orElseThrow().apply(raw));
    assertThat(given.evaluation()).isEmpty();
    for (float[] row : given.outputs()) {
      assertThat(row).hasSize(3);
      assertThat(row[0] + row[1] + row[2]).isCloseTo(1f, within(1e-5f));
    }
    assertThat(argMax(given.outputs()[0])).as("a setosa").isEqualTo(0);
    assertThat(argMax(given.outputs()[1])).as("a virginica").isEqualTo(2);
  }

  @Test
  void aWhitenedJobsCheckpointCarriesItsTransformAndReproducesTheReportedValidationMetricsFromRawRows() {
    for (String whiten : new String[] {"zca", "pca"}) {
      TrainingSpec spec = SpecParser.parse("{\"dataset\":{\"name\":\"wine\",\"whiten\":\"" + whiten + "\"},"
          + "\"model\":{\"layers\":[{\"type\":\"dense\",\"units\":16},{\"type\":\"output\"}]},"
          + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.01},\"epochs\":5}", EngineLimits.DEFAULTS);
      RecordingContext rec = new RecordingContext();
      new TrainingEngine().run(spec, rec.context());
      Predictor predictor = Predictor.of(rec.checkpoints.get(rec.checkpoints.size() - 1).content());
      Preprocessing stored = predictor.preprocessing().orElseThrow();
      assertThat(stored.bytes()).isEqualTo(TrainingData.prepare(spec.dataset(), spec.seed()).preprocessing().bytes());

      Samples raw = TrainingData.raw(spec.dataset(), spec.seed()).validation();
      Prediction.Evaluation scored =
          predictor.evaluate(raw.withFeatures(stored.apply(raw.features()))).evaluation().orElseThrow();
      assertThat(scored.accuracy()).as(whiten).isCloseTo(last(rec, "val_accuracy"), within(1e-9));
      assertThat(scored.loss()).as(whiten).isCloseTo(last(rec, "val_loss"), within(1e-6));
      Prediction.Evaluation unwhitened = predictor.evaluate(raw).evaluation().orElseThrow();
      assertThat(unwhitened.loss()).as("raw rows score differently").isNotCloseTo(scored.loss(), within(1e-3));
    }
  }

  @Test
  void aRegressionReproducesItsValidationLossAndMse() {
    TrainingSpec spec = SpecParser.parse("{\"dataset\":{\"name\":\"regression\",\"samples\":200},"
        + "\"model\":{\"layers\":[{\"type\":\"output\"}]},\"optimizer\":{\"type\":\"adam\",\"lr\":0.05},"
        + "\"epochs\":10}", EngineLimits.DEFAULTS);
    RecordingContext rec = new RecordingContext();
    new TrainingEngine().run(spec, rec.context());
    Predictor predictor = Predictor.of(rec.checkpoints.get(rec.checkpoints.size() - 1).content());
    assertThat(predictor.outputWidth()).isEqualTo(1);

    Samples validation = TrainingData.prepare(spec.dataset(), spec.seed()).validation();
    Prediction scored = predictor.evaluate(validation);
    Prediction.Evaluation evaluation = scored.evaluation().orElseThrow();
    assertThat(evaluation.mse()).isCloseTo(last(rec, "val_mse"), within(1e-9));
    assertThat(evaluation.loss()).isCloseTo(last(rec, "val_loss"), within(1e-6));
    assertThat(evaluation.accuracy()).isNaN();
    assertThat(evaluation.confusion()).isEmpty();
    assertThat(scored.outputs().length).isEqualTo(validation.size());
    assertThat(scored.outputs()[0]).hasSize(1);
  }

  private static double last(RecordingContext rec, String metric) {
    var values = rec.values(metric);
    return values.get(values.size() - 1);
  }

  private static int argMax(float[] row) {
    int best = 0;
    for (int i = 1; i < row.length; i++) {
      best = row[i] > row[best] ? i : best;
    }
    return best;
  }
}
