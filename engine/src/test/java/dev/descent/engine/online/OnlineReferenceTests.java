package dev.descent.engine.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.MetricPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every trajectory in {@code ${descent.reference.dir}/online}: weights and progressive loss within {@code 1e-9 ·
 * max(1, |ref|)} at every step, the non-zero count exactly.
 */
class OnlineReferenceTests {
  @TestFactory
  Stream<DynamicTest> everyReferenceTrajectory() throws IOException {
    return OnlineReferenceFiles.tests(OnlineReferenceTests::reproduce);
  }

  private static void reproduce(Path file, JsonNode ref) {
    assertThat(ref.get("loss").asText()).startsWith("logistic");
    assertThat(ref.get("w0")).allMatch(w -> w.asDouble() == 0.0);
    List<Example> stream = OnlineReferenceFiles.examples(ref);
    OnlineModel model = OnlineSpecs.create(OnlineReferenceFiles.learner(ref), stream.get(0).x().dimension());
    List<WeightSnapshot> snapshots = new ArrayList<>();
    List<MetricPoint> metrics = new ArrayList<>();
    new OnlineTrainer(metrics::add, snapshots::add, CancellationToken.NEVER, Reporting.EVERY_STEP)
        .train(model, stream.iterator());
    OnlineReferenceFiles.assertTrajectory(file, ref, snapshots, metrics);
  }
}
