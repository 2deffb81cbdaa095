package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.descent.engine.validation.SpecException;
import dev.descent.engine.validation.Violation;
import org.junit.jupiter.api.Test;

class JobSpecsTests {
  private static final EngineLimits LIMITS = new EngineLimits(100, 10_000, 4, 1024);
  private static final String TRAINING =
      "{\"dataset\":{\"name\":\"iris\"},\"model\":{\"layers\":[{\"type\":\"output\"}]},\"epochs\":5}";
  private static final String ONLINE = "{\"task\":\"online\",\"stream\":{\"name\":\"synthetic_sparse\","
      + "\"samples\":500,\"features\":100,\"nonzeros\":5,\"density\":0.1},"
      + "\"learner\":{\"algorithm\":\"ftrl\",\"alpha\":0.5,\"l1\":1.0}}";

  @Test
  void anOnlineSpecGetsItsDefaultsAndSurvivesARoundTrip() {
    OnlineJobSpec spec = (OnlineJobSpec) JobSpecs.parse(ONLINE, LIMITS);

    assertThat(spec.name()).isEqualTo("synthetic_sparse");
    assertThat(spec.seed()).isEqualTo(SpecParser.DEFAULT_SEED);
    assertThat(spec.stream()).isEqualTo(new OnlineJobSpec.Stream("synthetic_sparse", 500, 100, 5, 0.1));
    assertThat(spec.hashing()).isNull();
    assertThat(spec.reportEvery()).isEqualTo(OnlineJobSpecReader.DEFAULT_REPORT_EVERY);
    assertThat(spec.keepLast()).isEqualTo(CheckpointPolicy.DEFAULT_KEEP_LAST);
    assertThat(spec.maxAttempts()).isEqualTo(SpecParser.DEFAULT_MAX_ATTEMPTS);
    String json = JobSpecs.toJson(spec);
    assertThat(json).startsWith("{\"task\":\"online\",\"name\":\"synthetic_sparse\"");
    assertThat(JobSpecs.parse(json, LIMITS)).isEqualTo(spec);
  }

  @Test
  void aShippedStreamWithHashingRoundTrips() {
    String json = "{\"task\":\"online\",\"name\":\"bc\",\"stream\":{\"name\":\"breast_cancer\"},"
        + "\"hashing\":{\"dimension\":64},\"learner\":{\"algorithm\":\"rda\"},\"reportEvery\":10,"
        + "\"checkpoint\":{\"everySamples\":100,\"keepLast\":2},\"priority\":5,\"maxAttempts\":2}";
    OnlineJobSpec spec = (OnlineJobSpec) JobSpecs.parse(json, LIMITS);

    assertThat(spec.stream().samples()).isNull();
    assertThat(spec.hashing().dimension()).isEqualTo(64);
    assertThat(spec.checkpoint()).isEqualTo(new OnlineJobSpec.Checkpoint(100, 2));
    assertThat(spec.keepLast()).isEqualTo(2);
    assertThat(spec.priority()).isEqualTo(5);
    assertThat(JobSpecs.toJson(spec)).doesNotContain("samples");
    assertThat(JobSpecs.parse(JobSpecs.toJson(spec), LIMITS)).isEqualTo(spec);
  }

  @Test
  void aSpecWithoutTaskOrWithTaskTrainIsATrainingSpec() {
    JobSpec plain = JobSpecs.parse(TRAINING, LIMITS);
    JobSpec explicit = JobSpecs.parse(TRAINING.replace("{\"dataset\"", "{\"task\":\"train\",\"dataset\""), LIMITS);

    assertThat(plain).isInstanceOf(TrainingSpec.class).isEqualTo(explicit);
    assertThat(plain.keepLast()).isEqualTo(CheckpointPolicy.DEFAULT_KEEP_LAST);
    assertThat(JobSpecs.toJson(plain)).isEqualTo(SpecParser.toJson((TrainingSpec) plain));
  }

  @Test
  void everyViolationOfAnOnlineSpecIsReportedWithItsPointer() {
    String json = "{\"task\":\"online\",\"stream\":{\"name\":\"synthetic_sparse\",\"samples\":0,\"features\":10,"
        + "\"nonzeros\":11,\"density\":0},\"hashing\":{\"dimension\":1000},"
        + "\"learner\":{\"algorithm\":\"ftrl\",\"eta\":1},\"reportEvery\":0,\"colour\":1}";
    SpecException e = catchThrowableOfType(() -> JobSpecs.parse(json, LIMITS), SpecException.class);

    assertThat(e.violations()).extracting(Violation::pointer).containsExactlyInAnyOrder(
        "/stream/samples", "/stream/nonzeros", "/stream/density", "/hashing/dimension", "/learner/eta",
        "/reportEvery", "/colour");
  }

  @Test
  void sizesOnAShippedStreamAndAnUnknownTaskAreRefused() {
    String shipped = "{\"task\":\"online\",\"stream\":{\"name\":\"breast_cancer\",\"samples\":5},"
        + "\"learner\":{\"algorithm\":\"fobos\"}}";
    assertThat(catchThrowableOfType(() -> JobSpecs.parse(shipped, LIMITS), SpecException.class).violations())
        .extracting(Violation::pointer).containsExactly("/stream/samples");
    assertThat(catchThrowableOfType(() -> JobSpecs.parse("{\"task\":\"rl\"}", LIMITS), SpecException.class)
        .violations()).extracting(Violation::pointer).containsExactly("/task");
    assertThat(catchThrowableOfType(() -> JobSpecs.parse("{\"task\":", LIMITS), SpecException.class)
        .violations()).extracting(Violation::pointer).containsExactly("");
  }

  @Test
  void anOnlineJobTakesNoWhitening() {
    String whitened = ONLINE.replace("{\"task\":\"online\",", "{\"task\":\"online\",\"dataset\":{\"whiten\":\"zca\"},");
    assertThat(catchThrowableOfType(() -> JobSpecs.parse(whitened, LIMITS), SpecException.class).violations())
        .extracting(Violation::pointer).containsExactly("/dataset");
    String inStream = ONLINE.replace("\"density\":0.1}", "\"density\":0.1,\"whiten\":\"zca\"}");
    assertThat(catchThrowableOfType(() -> JobSpecs.parse(inStream, LIMITS), SpecException.class).violations())
        .extracting(Violation::pointer).containsExactly("/stream/whiten");
  }
}
