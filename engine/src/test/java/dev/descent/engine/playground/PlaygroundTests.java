package dev.descent.engine.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request validation, the test functions' gradients, and the full-batch seam. */
class PlaygroundTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  private static List<String> violations(String request) throws Exception {
    try {
      new Playground().run(json(request));
      return List.of();
    } catch (SpecException e) {
      return e.violations().stream().map(Violation::pointer).toList();
    }
  }

  @Test
  void refusesBadRequestsNamingEveryField() throws Exception {
    assertThat(violations("{'function': {'name': 'himmelblau'}, 'start': [1, 2], 'steps': 10,"
        + " 'optimizer': {'type': 'sgd'}}")).containsExactly("/function/name");
    assertThat(violations("{'function': {'name': 'beale'}, 'start': [1, 2, 3], 'steps': 10001,"
        + " 'optimizer': {'type': 'sgd', 'lr': -1}}")).containsExactlyInAnyOrder("/steps", "/start", "/optimizer/lr");
    assertThat(violations("{'function': {'name': 'quadratic', 'A': [[1, 0], [0]], 'b': [1, 1]}, 'start': [0, 0],"
        + " 'steps': 5, 'optimizer': {'type': 'adam'}, 'seed': 1}"))
        .containsExactlyInAnyOrder("/function/A/1", "/seed");
    assertThat(violations("{'function': {'name': 'saddle'}, 'start': [1, 0], 'steps': 5}"))
        .containsExactly("/optimizer");
    assertThat(violations("{'function': {'name': 'saddle'}, 'steps': 'many', 'optimizer': {'type': 'sgd'}}"))
        .containsExactly("/start", "/steps");
    assertThat(violations("{'function': {'name': 'saddle'}, 'start': [1, 'a'], 'steps': 0,"
        + " 'optimizer': {'type': 'sgd'}}")).containsExactly("/start/1", "/steps");
    assertThat(violations("{'function': {'name': 'rosenbrock'}, 'start': " + zeros(1001) + ", 'steps': 5,"
        + " 'optimizer': {'type': 'sgd'}}")).contains("/start");
    assertThat(violations("{'function': {'name': 'rosenbrock'}, 'start': " + zeros(1000) + ", 'steps': 1001,"
        + " 'optimizer': {'type': 'sgd'}}")).containsExactly("/steps");
  }

  private static String zeros(int n) {
    return "[" + "0,".repeat(n - 1) + "0]";
  }

  @Test
  void gradientsMatchCentralDifferences() {
    double[][] points = {{-1.5, 2.0}, {0.3, -0.7}, {3.0, 0.5}};
    List<TestFunction> functions = List.of(new Rosenbrock(2), new Beale(), new Saddle(),
        new Quadratic(new double[][] {{2, 1}, {1, 3}}, new double[] {1, -1}), new Rosenbrock(4));
    for (TestFunction f : functions) {
      for (double[] p : points) {
        double[] x = f.dimension() == 2 ? p : new double[] {p[0], p[1], p[1], p[0]};
        double[] g = f.gradient(x);
        for (int i = 0; i < x.length; i++) {
          double h = 1e-6;
          double[] up = x.clone();
          double[] down = x.clone();
          up[i] += h;
          down[i] -= h;
          double numeric = (f.value(up) - f.value(down)) / (2 * h);
          assertThat(g[i]).as("%s d/dx%d", f, i).isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
        }
      }
    }
    assertThat(new Beale().value(new double[] {3, 0.5})).isZero();
    assertThat(new Rosenbrock(3).value(new double[] {1, 1, 1})).isZero();
  }

  @Test
  void sgdOnTheQuadraticTakesTheTextbookStep() throws Exception {
    Trajectory path = new Playground().run(json("{'function': {'name': 'quadratic', 'A': [[2, 0], [0, 4]],"
        + " 'b': [2, 4]}, 'start': [0, 0], 'steps': 2, 'optimizer': {'type': 'sgd', 'lr': 0.1}}"));
    TrajectoryPoint first = path.points().get(0);
    assertThat(first.g()).containsExactly(-2, -4);
    assertThat(first.x()).containsExactly(0.2, 0.4);
    assertThat(first.f()).isCloseTo(0.5 * (2 * 0.04 + 4 * 0.16) - (0.4 + 1.6), within(1e-15));
    assertThat(path.points().get(1).t()).isEqualTo(2);
    assertThat(first.ax()).isNull();
  }

  @Test
  void fullBatchMethodsPlugInThroughTheSeam() throws Exception {
    TrajectoryMethod stay = (function, start, steps) -> List.of(new TrajectoryPoint(1, start, function.value(start),
        function.gradient(start), null));
    TrajectoryMethodFactory lbfgs = (optimizer, violations) -> {
      if (!optimizer.has("history_size")) {
        violations.add(new Violation("/optimizer/history_size", "x"));
        return null;
      }
      return stay;
    };
    Playground playground = new Playground(Map.of("lbfgs", lbfgs));
    Trajectory path = playground.run(json("{'function': {'name': 'saddle'}, 'start': [1, 2], 'steps': 3,"
        + " 'optimizer': {'type': 'lbfgs', 'history_size': 5}}"));
    assertThat(path.points()).hasSize(1);
    assertThat(path.points().get(0).f()).isEqualTo(-3);
    assertThatThrownBy(() -> playground.run(json("{'function': {'name': 'saddle'}, 'start': [1, 2], 'steps': 3,"
        + " 'optimizer': {'type': 'lbfgs'}}"))).isInstanceOf(SpecException.class)
        .hasMessageContaining("/optimizer/history_size");
  }
}
