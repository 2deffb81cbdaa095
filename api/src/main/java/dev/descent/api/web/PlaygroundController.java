package dev.descent.api.web;

import dev.descent.api.playground.PlaygroundService;
import dev.descent.api.web.generated.PlaygroundApi;
import dev.descent.api.web.generated.model.Trajectory;
import dev.descent.api.web.generated.model.TrajectoryPoint;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Optimizer paths on test functions (openapi.yaml, tag {@code playground}). */
@RestController
record PlaygroundController(PlaygroundService playground) implements PlaygroundApi {
  @Override
  public ResponseEntity<Trajectory> runTrajectory(String body) {
    var points = playground.run(body).points().stream().map(PlaygroundController::point).toList();
    return ResponseEntity.ok(new Trajectory(points));
  }

  private static TrajectoryPoint point(dev.descent.engine.playground.TrajectoryPoint p) {
    TrajectoryPoint point = new TrajectoryPoint(p.t(), list(p.x()), p.f(), list(p.g()));
    point.setEvaluations(p.evaluations());
    return point;
  }

  private static List<Double> list(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
