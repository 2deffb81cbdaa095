package dev.descent.engine.averaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.engine.spec.AveragingSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The checkpoint kinds of a run's averages: their stored names, numbered from the second of one type. */
class AveragesKindsTests {

  @Test
  void averagesAreNamedByTypeAndNumberedFromTheSecond() {
    List<AveragingSpec> specs = List.of(
        new AveragingSpec(AveragingSpec.EMA, 0, 0.9),
        new AveragingSpec(AveragingSpec.ARITHMETIC, 0, 0),
        new AveragingSpec(AveragingSpec.EMA, 5, 0.99));

    Averages averages = Averages.of(specs, Nd4j.zeros(1, 3));

    assertThat(averages.averages()).extracting(PolyakAverage::kind)
        .containsExactly("polyak-ema", "polyak-arith", "polyak-ema-2");
  }
}
