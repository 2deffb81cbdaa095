package dev.descent.engine.online.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.online.OnlineSnapshots;
import dev.descent.engine.online.WeightSnapshot;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.RowException;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.JobSpecs;
import dev.descent.engine.spec.OnlineJobSpec;
import dev.descent.engine.spec.TemporaryDataFolder;
import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.Checkpoint;
import dev.descent.engine.spi.Progress;
import dev.descent.engine.support.RecordingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An online job on a user's file: rows streamed in file order, each once; gzip; the dimension from {@code features},
 * hashing or a first pass; CSV columns; a bad row later in the file fails with its line number; resumption.
 */
class FileStreamTests {
  private static final int ROWS = 300;

  @TempDir Path dir;
  private TemporaryDataFolder data;

  @BeforeEach
  void folder() {
    data = new TemporaryDataFolder(dir);
  }

  @AfterEach
  void restore() {
    data.close();
  }

  private static String libsvm(int rows, int features, int indexBase, boolean plusMinus) {
    SplittableRandom random = new SplittableRandom(5);
    StringBuilder out = new StringBuilder("# generated: label index:value ...\n");
    for (int r = 0; r < rows; r++) {
      int positive = random.nextInt(2);
      out.append(plusMinus ? (positive == 1 ? "+1" : "-1") : String.valueOf(positive));
      for (int i = 0; i < features; i++) {
        if (random.nextDouble() < 0.3) {
          out.append(' ').append(i + indexBase).append(':').append(random.nextInt(1, 5) * (positive * 2 - 1) * 0.5);
        }
      }
      out.append(r % 50 == 7 ? "\n\n" : "\n");
    }
    return out.toString();
  }

  private static OnlineJobSpec spec(String stream, String extra) {
    return (OnlineJobSpec) JobSpecs.parse("{\"task\":\"online\",\"stream\":" + stream + extra
        + ",\"learner\":{\"algorithm\":\"ftrl\",\"alpha\":0.3,\"l1\":0.5},\"reportEvery\":10,"
        + "\"checkpoint\":{\"everySamples\":100}}", EngineLimits.DEFAULTS);
  }

  private static List<Example> all(ExampleStream stream) {
    List<Example> out = new ArrayList<>();
    stream.examples().forEach(out::add);
    return out;
  }

  @Test
  void libSvmRowsComeInFileOrderOnceEachAndGzipReadsTheSame() {
    data.write("clicks.svm", libsvm(ROWS, 40, 1, true));
    data.write("clicks.svm.gz", libsvm(ROWS, 40, 1, true));
    ExampleStream plain = OnlineStreams.open(spec("{\"name\":\"file\",\"path\":\"clicks.svm\"}", ""));
    ExampleStream gzipped = OnlineStreams.open(spec("{\"name\":\"file\",\"path\":\"clicks.svm.gz\"}", ""));

    assertThat(plain.size()).isEqualTo(ROWS);
    assertThat(plain.dimension()).as("largest 1-based index 40 found by a first pass").isEqualTo(40);
    List<Example> rows = all(plain);
    assertThat(rows).hasSize(ROWS);
    assertThat(rows).usingRecursiveFieldByFieldElementComparator().isEqualTo(all(gzipped));
    assertThat(rows).extracting(Example::y).containsOnly(-1.0, 1.0);
    assertThat(rows.get(0).y()).isEqualTo(Double.parseDouble(firstLabel(libsvm(ROWS, 40, 1, true))));
  }

  @Test
  void zeroBasedIndicesFeaturesAndHashingSetTheDimension() {
    data.write("zero.svm", libsvm(50, 40, 0, false));
    String stream = "{\"name\":\"file\",\"path\":\"zero.svm\",\"indexBase\":0";

    assertThat(OnlineStreams.open(spec(stream + "}", "")).dimension()).isEqualTo(40);
    assertThat(OnlineStreams.open(spec(stream + ",\"features\":64}", "")).dimension()).isEqualTo(64);
    assertThat(OnlineStreams.open(spec(stream + "}", ",\"hashing\":{\"dimension\":8}")).dimension()).isEqualTo(8);
    assertThat(all(OnlineStreams.open(spec(stream + "}", "")))).extracting(Example::y).containsOnly(0.0, 1.0);
  }

  @Test
  void csvWithHeaderLabelColumnAndDelimiter() {
    data.write("rows.csv", "label;a;b;c\n1;0.5;0;2\n0;0;-1;0\n\n1;3;3;3\n");
    ExampleStream stream = OnlineStreams.open(spec(
        "{\"name\":\"file\",\"path\":\"rows.csv\",\"labelColumn\":0,\"header\":true,\"delimiter\":\";\"}", ""));

    assertThat(stream.size()).isEqualTo(3);
    assertThat(stream.dimension()).isEqualTo(3);
    List<Example> rows = all(stream);
    assertThat(rows).extracting(Example::y).containsExactly(1.0, 0.0, 1.0);
    assertThat(rows.get(0).x().indices()).containsExactly(0, 2);
    assertThat(rows.get(0).x().values()).containsExactly(0.5, 2.0);
  }

  @Test
  void aMalformedRowLaterInTheFileFailsTheJobWithItsLineNumber() {
    String good = libsvm(ROWS, 40, 1, false);
    data.write("late.svm", good + "1 3:0.5 oops\n");
    OnlineJobSpec spec = spec("{\"name\":\"file\",\"path\":\"late.svm\",\"features\":40}", "");
    long badLine = good.lines().count() + 1;

    RecordingContext rec = new RecordingContext();
    TrainingOutcome outcome = new TrainingEngine().run(spec, rec.context());

    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.FAILED);
    assertThat(outcome.failureMessage()).isEqualTo("late.svm line " + badLine + ": expected index:value, got 'oops'");
    assertThat(rec.checkpoints).extracting(Checkpoint::step).containsExactly(100L, 200L, 300L);
    assertThatThrownBy(() -> all(OnlineStreams.open(spec))).isInstanceOf(RowException.class)
        .extracting(e -> ((RowException) e).line()).isEqualTo(badLine);
  }

  @Test
  void aJobResumedFromAPeriodicCheckpointContinuesAtTheSameRowAndEndsBitIdentically() {
    data.write("clicks.svm", libsvm(ROWS, 40, 1, true));
    OnlineJobSpec spec = spec("{\"name\":\"file\",\"path\":\"clicks.svm\"}", ",\"batchSize\":4");
    RecordingContext straight = new RecordingContext();
    TrainingOutcome outcome = new TrainingEngine().run(spec, straight.context());
    List<Checkpoint> whole = straight.checkpoints;
    List<Progress> progress = straight.progress;
    RecordingContext again = new RecordingContext();
    new TrainingEngine().run(spec, again.context(CancellationToken.NEVER, whole.get(0).content()));
    List<Checkpoint> resumed = again.checkpoints;

    assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.SUCCEEDED);
    assertThat(outcome.iterations()).isEqualTo(ROWS);
    assertThat(progress.get(progress.size() - 1).totalIterations()).isEqualTo(ROWS);
    assertThat(whole).extracting(Checkpoint::step).containsExactly(100L, 200L, 300L);
    assertThat(resumed).extracting(Checkpoint::step).containsExactly(200L, 300L);
    WeightSnapshot expected = OnlineSnapshots.decode(whole.get(2).content());
    WeightSnapshot actual = OnlineSnapshots.decode(resumed.get(1).content());
    assertThat(actual.weights()).containsExactly(expected.weights());
    assertThat(actual.progressiveLossSum()).isEqualTo(expected.progressiveLossSum());
    assertThat(expected.nonzeros()).isPositive();
  }

  private static String firstLabel(String file) {
    return file.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow().split(" ")[0];
  }
}
