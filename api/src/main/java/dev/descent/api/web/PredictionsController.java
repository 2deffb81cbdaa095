package dev.descent.api.web;

import dev.descent.api.job.PredictionResult;
import dev.descent.api.job.PredictionService;
import dev.descent.api.web.generated.PredictionsApi;
import dev.descent.api.web.generated.model.Prediction;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Outputs and scores of a job's stored model (openapi.yaml, tag {@code predictions}). */
@RestController
record PredictionsController(PredictionService predictions) implements PredictionsApi {
  @Override
  public ResponseEntity<Prediction> predict(UUID id, String body) {
    PredictionResult result = predictions.predict(id, body);
    float[][] outputs = result.prediction().outputs();
    Prediction answer = new Prediction(result.checkpoint().id(), result.checkpoint().kind(),
        result.checkpoint().step(), outputs.length, Arrays.stream(outputs).map(PredictionsController::row).toList());
    result.prediction().evaluation().ifPresent(e -> {
      answer.setLoss(e.loss());
      if (!Double.isNaN(e.accuracy())) {
        answer.setAccuracy(e.accuracy());
        answer.setConfusionMatrix(Arrays.stream(e.confusion())
            .map(r -> Arrays.stream(r).boxed().toList()).toList());
      }
      if (!Double.isNaN(e.mse())) {
        answer.setMse(e.mse());
      }
    });
    return ResponseEntity.ok(answer);
  }

  private static List<Double> row(float[] values) {
    return IntStream.range(0, values.length).mapToObj(i -> (double) values[i]).toList();
  }
}
