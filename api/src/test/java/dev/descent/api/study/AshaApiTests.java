package dev.descent.api.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ASHA through the API and the real workers: a grid of nine learning rates on iris (η 3, rungs at 1 and 3 epochs, top
 * 9), one trial at a time so that arrivals are in trial order: ⌊n/η⌋ promoted per rung, the rest PRUNED with their
 * metrics up to their rung and no further, the winner SUCCEEDED bit-identical to an uninterrupted run; bad schedulers.
 */
class AshaApiTests extends ApiTestBase {
  private static final String LRS = "[0.1,0.03,0.01,0.003,0.001,0.0003,0.0001,0.00003,0.00001]";
  private static final String SEARCH = ",\"search\":{\"type\":\"grid\",\"space\":{\"/optimizer/lr\":"
      + "{\"type\":\"choice\",\"values\":" + LRS + "}}}";

  @Test
  void promotesTheTopThirdPerRungPrunesTheRestAndTheWinnerEndsAsIfUninterrupted() {
    Http.Response created = http().post("/api/v1/studies", "{\"name\":\"asha\",\"base\":"
        + StudyApiTests.BASE.formatted(2) + SEARCH + ",\"maxConcurrent\":1,"
        + "\"scheduler\":{\"type\":\"asha\",\"minEpochs\":1,\"reductionFactor\":3,\"maxEpochs\":9}}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    JsonNode study = StudyReads.awaitSucceeded(http(), id);
    assertThat(study.get("counts").get("SUCCEEDED").asInt()).as(study.toString()).isEqualTo(1);
    assertThat(study.get("counts").get("PRUNED").asInt()).isEqualTo(8);
    Map<Integer, List<JsonNode>> byRung = new HashMap<>();
    study.get("rungs").forEach(r -> byRung.computeIfAbsent(r.get("rung").asInt(), k -> new ArrayList<>()).add(r));
    assertThat(byRung.keySet()).containsExactlyInAnyOrder(0, 1);
    assertThat(byRung.get(0)).hasSize(9);
    assertThat(decisions(byRung.get(0), "promoted")).as("⌊9/3⌋ promoted at rung 0").hasSize(3);
    assertThat(byRung.get(1)).hasSize(3);
    assertThat(decisions(byRung.get(1), "promoted")).as("⌊3/3⌋ promoted at rung 1").hasSize(1);
    assertThat(decisions(byRung.get(1), null)).isEmpty();
    int winner = decisions(byRung.get(1), "promoted").get(0);
    for (JsonNode r : byRung.get(1)) {
      assertThat(r.get("value").asDouble()).as("the winner is the best at rung 1")
          .isGreaterThanOrEqualTo(value(byRung.get(1), winner));
    }
    for (JsonNode trial : study.get("trials")) {
      checkTrial(trial, study.get("rungs"));
    }
    checkUninterrupted(study.get("trials").get(winner).get("jobId").asText());
  }

  /** A trial trained exactly to the last rung it reached (9 epochs when it won), its rung values from its series. */
  private void checkTrial(JsonNode trial, JsonNode rungs) {
    int t = trial.get("trial").asInt();
    List<Double> valLoss = series(trial.get("jobId").asText(), "val_loss");
    int lastEpochs = 0;
    for (JsonNode r : rungs) {
      if (r.get("trial").asInt() == t) {
        assertThat(r.get("value").asDouble()).isEqualTo(valLoss.get(r.get("epochs").asInt() - 1));
        lastEpochs = Math.max(lastEpochs, r.get("epochs").asInt());
      }
    }
    String status = trial.get("status").asText();
    assertThat(trial.get("rung").asInt()).as("trial %d's highest rung", t).isEqualTo(lastEpochs == 1 ? 0 : 1);
    assertThat(trial.get("rungDecision").asText()).isEqualTo(status.equals("SUCCEEDED") ? "promoted" : "pruned");
    assertThat(valLoss).as("trial %d (%s): no epoch past its last rung unless promoted", t, status)
        .hasSize(status.equals("SUCCEEDED") ? 9 : lastEpochs);
    assertThat(status).isIn("SUCCEEDED", "PRUNED");
  }

  /** The winner's spec without its pause rules, run as a plain job: the same loss at every step, bit for bit. */
  private void checkUninterrupted(String winner) {
    JsonNode job = http().get("/api/v1/jobs/" + winner).json();
    ObjectNode spec = (ObjectNode) job.get("spec").deepCopy();
    spec.remove("rules");
    spec.put("name", "asha-reference");
    Http.Response submitted = http().post("/api/v1/jobs", spec.toString());
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
    String reference = submitted.json().get("id").asText();
    assertThat(awaitFinished(reference).get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(series(winner, "loss")).hasSize(series(reference, "loss").size())
        .isEqualTo(series(reference, "loss"));
    assertThat(series(winner, "val_loss")).isEqualTo(series(reference, "val_loss"));
  }

  @Test
  void badSchedulersAreRefusedAtTheirPointersAndNothingIsStored() {
    long jobs = jobRows();
    assertProblem(",\"scheduler\":{\"type\":\"asha\",\"maxEpochs\":9}", "/scheduler");
    assertProblem(SEARCH + ",\"scheduler\":{\"type\":\"hyperband\",\"maxEpochs\":9}", "/scheduler/type");
    assertProblem(SEARCH + ",\"scheduler\":{\"type\":\"asha\",\"minEpochs\":0,\"maxEpochs\":9}",
        "/scheduler/minEpochs");
    assertProblem(SEARCH + ",\"scheduler\":{\"type\":\"asha\",\"reductionFactor\":1,\"maxEpochs\":9}",
        "/scheduler/reductionFactor");
    assertProblem(SEARCH + ",\"scheduler\":{\"type\":\"asha\",\"minEpochs\":3,\"maxEpochs\":2}",
        "/scheduler/maxEpochs");
    assertProblem(SEARCH + ",\"scheduler\":{\"type\":\"asha\"}", "/scheduler/maxEpochs");
    assertThat(jobRows()).isEqualTo(jobs);
  }

  private static List<Integer> decisions(List<JsonNode> records, String decision) {
    return records.stream().filter(r -> decision == null ? !r.hasNonNull("decision")
        : decision.equals(r.get("decision").asText())).map(r -> r.get("trial").asInt()).toList();
  }

  private static double value(List<JsonNode> records, int trial) {
    return records.stream().filter(r -> r.get("trial").asInt() == trial).findFirst().orElseThrow()
        .get("value").asDouble();
  }

  private void assertProblem(String fields, String pointer) {
    StudyReads.assertProblem(http(), 1, fields, pointer);
  }

  private List<Double> series(String job, String name) {
    return StudyReads.series(http(), job, name);
  }
}
