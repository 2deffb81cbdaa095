package dev.descent.api.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.api.support.ApiTestBase;
import dev.descent.api.support.Http;
import dev.descent.engine.spi.CheckpointKind;
import dev.descent.persistence.study.PbtStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PBT through the API and the real workers: four members on iris, one round after epoch 2 of 4. sampleSeed 0 draws
 * the learning rates 0.05, 0.05, 0.05 and 1e-6 (a deliberately bad member); the bottom quarter (that member) exploits
 * the best (trial 0, first of three equal ones by trial number): its job continues from a copy of trial 0's
 * checkpoint — the parameters and updater state byte for byte, and its first loss after the round is trial 0's at
 * that step — with trial 0's learning rate times a factor in its stored spec and in its recorded {@code lr}.
 */
class PbtApiTests extends ApiTestBase {
  static final String BODY = "{\"name\":\"pbt\",\"base\":" + StudyApiTests.BASE.formatted(4)
      .replace("\"batchSize\":16", "\"batchSize\":16,\"checkpoint\":{\"keepLast\":20}")
      + ",\"maxConcurrent\":2,\"search\":{\"type\":\"random\",\"sampleSeed\":0,\"space\":{\"/optimizer/lr\":"
      + "{\"type\":\"choice\",\"values\":[0.000001,0.05]}}},\"scheduler\":{\"type\":\"pbt\",\"population\":4,"
      + "\"interval\":2,\"mutations\":{\"/optimizer/lr\":{\"factors\":[0.5,2.0]}}}}";

  @Test
  void theWorstMemberExploitsTheBestAndExploresItsLearningRate() {
    Http.Response created = http().post("/api/v1/studies", BODY);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    JsonNode study = StudyReads.awaitSucceeded(http(), id);
    assertThat(study.get("counts").get("SUCCEEDED").asInt()).as(study.toString()).isEqualTo(4);
    JsonNode trials = study.get("trials");
    assertThat(trials.findValuesAsString("status")).containsOnly("SUCCEEDED");
    List<Double> lrs = new ArrayList<>();
    trials.forEach(t -> lrs.add(t.get("values").get("/optimizer/lr").asDouble()));
    assertThat(lrs).as("sampleSeed 0's draws").containsExactly(0.05, 0.05, 0.05, 0.000001);

    JsonNode lineage = http().get("/api/v1/studies/" + id + "/lineage").json();
    assertThat(lineage).as(lineage.toString()).hasSize(4);
    assertThat(study.get("lineage")).as("the study shows its lineage").isEqualTo(lineage);
    List<Integer> exploiters = new ArrayList<>();
    for (int rank = 0; rank < 4; rank++) {
      JsonNode e = lineage.get(rank);
      assertThat(e.get("round").asInt()).isEqualTo(1);
      assertThat(e.get("epochs").asInt()).isEqualTo(2);
      assertThat(e.get("rank").asInt()).isEqualTo(rank);
      String job = trials.get(e.get("trial").asInt()).get("jobId").asText();
      assertThat(e.get("value").asDouble()).as("the value at the round is the member's epoch-2 val_loss")
          .isEqualTo(series(job, "val_loss").get(1));
      if (rank > 0) {
        assertThat(e.get("value").asDouble()).isGreaterThanOrEqualTo(lineage.get(rank - 1).get("value").asDouble());
      }
      if (e.hasNonNull("sourceTrial")) {
        exploiters.add(e.get("trial").asInt());
      }
    }
    assertThat(exploiters).as("the bad learning rate is the bottom quarter").containsExactly(3);
    JsonNode exploit = lineage.get(3);
    assertThat(exploit.get("sourceTrial").asInt()).as("the top quarter: trial 0").isEqualTo(0);
    checkExploit(trials, exploit);
    checkExplore(trials.get(3).get("jobId").asText(), exploit);
  }

  /** The copy is the source's parameters and updater state exactly, and the member resumed from it. */
  private void checkExploit(JsonNode trials, JsonNode exploit) {
    String source = trials.get(0).get("jobId").asText();
    String member = trials.get(3).get("jobId").asText();
    Map<String, byte[]> from = entries(http().get("/api/v1/jobs/" + source + "/checkpoints/"
        + exploit.get("sourceCheckpointId").asText() + "/content").body());
    Map<String, byte[]> copy = entries(http().get("/api/v1/jobs/" + member + "/checkpoints/"
        + exploit.get("newCheckpointId").asText() + "/content").body());
    for (String entry : List.of("coefficients.bin", "updaterState.bin")) {
      assertThat(from).containsKey(entry);
      assertThat(copy.get(entry)).as(entry).isEqualTo(from.get(entry));
    }
    int step = checkpointStep(member, exploit.get("newCheckpointId").asText());
    List<double[]> memberLoss = points(member, "loss");
    List<double[]> sourceLoss = points(source, "loss");
    double[] firstAfter = memberLoss.stream().filter(p -> p[0] > step).findFirst().orElseThrow();
    double[] sourceThere = sourceLoss.stream().filter(p -> p[0] == firstAfter[0]).findFirst().orElseThrow();
    assertThat(firstAfter[1]).as("the loss before the first update after the round is the source's")
        .isEqualTo(sourceThere[1]);
    assertThat(memberLoss.stream().filter(p -> p[0] <= step).count()).as("its own history up to the round stays")
        .isEqualTo(sourceLoss.stream().filter(p -> p[0] <= step).count());
  }

  /** The stored spec's lr is the source's times one of the factors, and the resumed run trains with it. */
  private void checkExplore(String member, JsonNode exploit) {
    double before = exploit.get("valuesBefore").get("/optimizer/lr").asDouble();
    double after = exploit.get("valuesAfter").get("/optimizer/lr").asDouble();
    assertThat(before).isEqualTo(0.000001);
    assertThat(after).isIn(0.05 * 0.5, 0.05 * 2.0);
    assertThat(http().get("/api/v1/jobs/" + member).json().get("spec").get("optimizer").get("lr").asDouble())
        .isEqualTo(after);
    List<double[]> lr = points(member, "lr");
    int step = checkpointStep(member, exploit.get("newCheckpointId").asText());
    assertThat(lr.stream().filter(p -> p[0] <= step).map(p -> p[1]).distinct().toList()).containsExactly(0.000001);
    assertThat(lr.stream().filter(p -> p[0] > step).map(p -> p[1]).distinct().toList()).containsExactly(after);
  }

  @Test
  void theResumableKindsArePersistencesList() {
    assertThat(PbtStore.RESUMABLE).containsExactlyInAnyOrderElementsOf(Arrays.stream(CheckpointKind.values())
        .filter(CheckpointKind::resumable).map(CheckpointKind::wireName).toList());
  }

  @Test
  void anUnknownStudyHasNoLineageAndOneWithoutPbtAnEmptyOne() {
    assertThat(http().get("/api/v1/studies/00000000-0000-0000-0000-000000000000/lineage").status()).isEqualTo(404);
    Http.Response plain = http().post("/api/v1/studies", "{\"name\":\"plain\",\"base\":"
        + StudyApiTests.BASE.formatted(1) + ",\"seeds\":[1]}");
    assertThat(plain.status()).as(plain.text()).isEqualTo(201);
    Http.Response lineage = http().get("/api/v1/studies/" + plain.json().get("id").asText() + "/lineage");
    assertThat(lineage.status()).isEqualTo(200);
    assertThat(lineage.json()).isEmpty();
    assertThat(http().get("/api/v1/studies/" + plain.json().get("id").asText()).json().hasNonNull("lineage")).isFalse();
  }

  @Test
  void badSchedulersAreRefusedAtTheirPointersAndNothingIsStored() {
    long jobs = jobRows();
    String search = ",\"search\":{\"type\":\"random\",\"space\":{\"/optimizer/lr\":{\"type\":\"loguniform\","
        + "\"low\":0.001,\"high\":0.1}}}";
    String lr = ",\"mutations\":{\"/optimizer/lr\":{\"factors\":[0.8,1.25]}}";
    assertProblem(search + ",\"scheduler\":{\"type\":\"pbt\",\"population\":1,\"interval\":1" + lr + "}",
        "/scheduler/population");
    assertProblem(search + ",\"scheduler\":{\"type\":\"pbt\",\"population\":4,\"interval\":4" + lr + "}",
        "/scheduler/interval");
    assertProblem(search + ",\"scheduler\":{\"type\":\"pbt\",\"population\":4,\"interval\":1,\"quantile\":0.75"
        + lr + "}", "/scheduler/quantile");
    assertProblem(search + ",\"scheduler\":{\"type\":\"pbt\",\"population\":4,\"interval\":1,\"mutations\":"
        + "{\"/optimizer/momentum\":{\"factors\":[2]}}}", "/scheduler/mutations/~1optimizer~1momentum");
    assertProblem(search + ",\"scheduler\":{\"type\":\"pbt\",\"population\":4,\"interval\":1,\"mutations\":"
        + "{\"/optimizer/lr\":{\"factors\":[0]}}}", "/scheduler/mutations/~1optimizer~1lr/factors/0");
    assertProblem(search.replace("\"space\"", "\"trials\":3,\"space\"") + ",\"scheduler\":{\"type\":\"pbt\","
        + "\"population\":4,\"interval\":1" + lr + "}", "/search/trials");
    assertProblem(",\"scheduler\":{\"type\":\"pbt\",\"population\":4,\"interval\":1" + lr + "}", "/scheduler");
    assertThat(jobRows()).isEqualTo(jobs);
  }

  private int checkpointStep(String job, String checkpoint) {
    for (JsonNode c : http().get("/api/v1/jobs/" + job + "/checkpoints").json().get("items")) {
      if (c.get("id").asText().equals(checkpoint)) {
        return c.get("step").asInt();
      }
    }
    throw new AssertionError("no checkpoint " + checkpoint + " of job " + job);
  }

  static Map<String, byte[]> entries(byte[] zip) {
    Map<String, byte[]> out = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private void assertProblem(String fields, String pointer) {
    StudyReads.assertProblem(http(), 4, fields, pointer);
  }

  private List<Double> series(String job, String name) {
    return StudyReads.series(http(), job, name);
  }

  private List<double[]> points(String job, String name) {
    return StudyReads.points(http(), job, name);
  }
}
