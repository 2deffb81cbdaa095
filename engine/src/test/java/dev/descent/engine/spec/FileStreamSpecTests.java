package dev.descent.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.validation.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At submit, a file stream is checked without reading the whole file: the path stays in the data folder and names a
 * readable file whose first rows parse; every problem is a violation at {@code /stream/path} (rows with their line).
 */
class FileStreamSpecTests {
  @TempDir Path dir;
  private TemporaryDataFolder data;

  @BeforeEach
  void folder() {
    data = new TemporaryDataFolder(dir.resolve("data"));
    data.write("clicks.svm", "1 1:0.5 3:1\n-1 2:1\n");
  }

  @AfterEach
  void restore() {
    data.close();
  }

  private static JobSpec parse(String stream, String extra) {
    return JobSpecs.parse("{\"task\":\"online\",\"stream\":" + stream + extra
        + ",\"learner\":{\"algorithm\":\"ogd\"}}", EngineLimits.DEFAULTS);
  }

  private static List<String> violations(String stream, String extra) {
    try {
      parse(stream, extra);
      throw new AssertionError("accepted " + stream);
    } catch (SpecException e) {
      return e.violations().stream().map(v -> v.pointer() + " " + v.message()).collect(Collectors.toList());
    }
  }

  @Test
  void aValidFileSpecFillsItsDefaultsAndRoundTrips() {
    OnlineJobSpec spec = (OnlineJobSpec) parse("{\"name\":\"file\",\"path\":\"clicks.svm\"}", "");

    assertThat(spec.stream().file()).isEqualTo(StreamFile.libsvm("clicks.svm", 1));
    assertThat(spec.stream().features()).isNull();
    assertThat(spec.batchSize()).isEqualTo(1);
    String json = JobSpecs.toJson(spec);
    assertThat(json).contains("\"stream\":{\"name\":\"file\",\"path\":\"clicks.svm\",\"format\":\"libsvm\","
        + "\"indexBase\":1}", "\"batchSize\":1");
    assertThat(JobSpecs.parse(json, EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void aCsvFileGetsItsCsvDefaults() {
    data.write("rows.csv", "1,2,0\n");
    OnlineJobSpec spec = (OnlineJobSpec) parse("{\"name\":\"file\",\"path\":\"rows.csv\"}", "");

    assertThat(spec.stream().file()).isEqualTo(StreamFile.csv("rows.csv", -1, false, ','));
    assertThat(JobSpecs.parse(JobSpecs.toJson(spec), EngineLimits.DEFAULTS)).isEqualTo(spec);
  }

  @Test
  void missingOutsideAndAbsolutePathsAreRefusedAtStreamPath() throws Exception {
    Files.writeString(dir.resolve("secret.svm"), "1 1:1\n");

    assertThat(violations("{\"name\":\"file\",\"path\":\"nope.svm\"}", ""))
        .singleElement().asString().startsWith("/stream/path no such file in the data folder: nope.svm");
    assertThat(violations("{\"name\":\"file\",\"path\":\"../secret.svm\"}", ""))
        .singleElement().asString().startsWith("/stream/path must be a path relative to the data folder");
    assertThat(violations("{\"name\":\"file\",\"path\":\"" + dir.resolve("secret.svm") + "\"}", ""))
        .singleElement().asString().startsWith("/stream/path must be a path relative to the data folder");
    assertThat(violations("{\"name\":\"file\"}", "")).containsExactly("/stream/path is required");
  }

  @Test
  void aBadEarlyRowIsRefusedWithItsLineNumber() {
    data.write("bad.svm", "# header comment\n1 1:0.5\n\n1 2:x\n");
    data.write("wide.svm", "1 1:0.5 9:1\n");
    data.write("ragged.csv", "1,2,3\n1,2\n");

    assertThat(violations("{\"name\":\"file\",\"path\":\"bad.svm\"}", ""))
        .containsExactly("/stream/path bad.svm line 4: not a number: 'x'");
    assertThat(violations("{\"name\":\"file\",\"path\":\"wide.svm\",\"features\":4}", ""))
        .containsExactly("/stream/path wide.svm line 1: feature index 8 outside [0, 4)");
    assertThat(violations("{\"name\":\"file\",\"path\":\"ragged.csv\"}", ""))
        .containsExactly("/stream/path ragged.csv line 2: row has 2 columns, the first row has 3");
  }

  @Test
  void fieldsOfAnotherFormatOrStreamAreRefusedWithTheirPointers() {
    assertThat(violations("{\"name\":\"file\",\"path\":\"clicks.svm\",\"header\":true,\"samples\":3,"
        + "\"indexBase\":2}", "")).containsExactlyInAnyOrder(
            "/stream/header only for csv files", "/stream/samples only for synthetic_sparse",
            "/stream/indexBase must be in [0, 1], got 2");
    assertThat(violations("{\"name\":\"file\",\"path\":\"clicks.svm\",\"features\":8}",
        ",\"hashing\":{\"dimension\":8}")).containsExactly(
            "/stream/features not with hashing: the hashed dimension is the model's");
    assertThat(violations("{\"name\":\"breast_cancer\",\"path\":\"clicks.svm\"}", ""))
        .containsExactly("/stream/path only for the file stream");
    assertThat(violations("{\"name\":\"file\",\"path\":\"clicks.svm\",\"format\":\"csv\",\"delimiter\":\";;\"}",
        "")).contains("/stream/delimiter must be at most 1 characters");
  }

  @Test
  void batchSizeIsBounded() {
    assertThat(violations("{\"name\":\"file\",\"path\":\"clicks.svm\"}", ",\"batchSize\":1025"))
        .containsExactly("/batchSize must be in [1, 1024], got 1025");
    assertThatThrownBy(() -> parse("{\"name\":\"file\",\"path\":\"clicks.svm\"}", ",\"batchSize\":0"))
        .isInstanceOf(SpecException.class);
    assertThat(((OnlineJobSpec) parse("{\"name\":\"file\",\"path\":\"clicks.svm\"}", ",\"batchSize\":16"))
        .batchSize()).isEqualTo(16);
  }
}
