package dev.descent.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.engine.online.OnlineSnapshots;
import dev.descent.engine.online.WeightSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An online FTRL job goes through the queue like any job: history of sparsity and loss, a final weight snapshot. */
class OnlineJobApiTests extends ApiTestBase {
  private static final int SAMPLES = 5000;
  private static final int FEATURES = 1000;

  @Test
  void anFtrlJobSucceedsWithItsSparsityHistoryAndAFinalWeightSnapshot() {
    Http.Response created = http().post("/api/v1/jobs", Http.example("online-ftrl"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("spec").get("task").asText()).isEqualTo("online");

    JsonNode job = awaitFinished(id);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("progress").get("totalIterations").asLong()).isEqualTo(SAMPLES);
    assertThat(job.get("progress").get("iteration").asLong()).isPositive().isLessThanOrEqualTo(SAMPLES);

    JsonNode series = http().get("/api/v1/jobs/" + id
        + "/metrics?names=nonzeros,progressive_loss,progressive_loss_avg&maxPoints=100000").json().get("series");
    JsonNode nonzeros = series.get(0).get("points");
    assertThat(series.get(0).get("name").asText()).isEqualTo("nonzeros");
    assertThat(nonzeros).hasSize(SAMPLES / 100);
    assertThat(nonzeros.get(nonzeros.size() - 1).get("step").asLong()).isEqualTo(SAMPLES);
    List<Double> counts = values(nonzeros);
    assertThat(counts).allMatch(n -> n >= 0 && n < FEATURES);
    assertThat(values(series.get(1).get("points"))).hasSize(SAMPLES / 100).allMatch(loss -> loss >= 0);
    List<Double> average = values(series.get(2).get("points"));
    assertThat(average.get(average.size() - 1)).isLessThan(average.get(0)).isLessThan(Math.log(2));

    JsonNode checkpoints = http().get("/api/v1/jobs/" + id + "/checkpoints").json().get("items");
    JsonNode last = checkpoints.get(0);
    assertThat(last.get("kind").asText()).isEqualTo("final");
    assertThat(last.get("step").asLong()).isEqualTo(SAMPLES);
    assertThat(checkpoints).filteredOn(c -> c.get("kind").asText().equals("periodic")).hasSize(2);
    var download = http().get("/api/v1/jobs/" + id + "/checkpoints/" + last.get("id").asText() + "/content");
    assertThat(download.contentType()).isEqualTo("application/gzip");
    byte[] content = download.body();
    WeightSnapshot snapshot = OnlineSnapshots.decode(content);
    assertThat(snapshot.step()).isEqualTo(SAMPLES);
    assertThat(snapshot.weights()).hasSize(FEATURES);
    assertThat((double) snapshot.nonzeros()).isEqualTo(counts.get(counts.size() - 1));
    assertThat(snapshot.progressiveLossAverage()).isEqualTo(average.get(average.size() - 1));
  }

  @Test
  void anInvalidOnlineSpecIsRefusedWithPointers() {
    String spec = Http.example("online-ftrl").replace("\"density\": 0.2", "\"density\": 2")
        .replace("\"alpha\": 0.1", "\"alpha\": \"fast\"");
    Http.Response refused = http().post("/api/v1/jobs", spec);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.text()).contains("/stream/density", "/learner/alpha");
  }


  private static List<Double> values(JsonNode points) {
    List<Double> out = new ArrayList<>();
    points.forEach(p -> out.add(p.get("value").asDouble()));
    return out;
  }

}
