package dev.descent.engine.spec;

import static dev.descent.engine.spec.IrisSpecs.parse;
import static dev.descent.engine.spec.IrisSpecs.pointers;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** {@code /curriculum}: defaults, round trip, the subset sizes, and a problem naming each bad field. */
class CurriculumSpecTests {
  private static final String JOB = "0b5f3c2e-8a61-4c1e-9d3a-5e2f7b9c1d00";

  @Test
  void isOffByDefaultAndReadWithDefaultsAndRoundTrips() {
    assertThat(parse("").curriculum()).isNull();
    assertThat(SpecParser.toJson(parse(""))).doesNotContain("curriculum");
    assertThat(parse(",\"curriculum\":{}").curriculum())
        .isEqualTo(new CurriculumSpec("easy_first", "loss", null, 0.3, 10));
    TrainingSpec byJob = parse(",\"curriculum\":{\"type\":\"easy_first\",\"scoredBy\":\"" + JOB
        + "\",\"startFraction\":0.5,\"epochsToFull\":3}");
    assertThat(byJob.curriculum()).isEqualTo(new CurriculumSpec("easy_first", JOB, "best", 0.5, 3));
    assertThat(SpecParser.parse(SpecParser.toJson(byJob), EngineLimits.DEFAULTS)).isEqualTo(byJob);
  }

  @Test
  void badFieldsAreRefusedAtTheirPointers() {
    assertThat(pointers(",\"curriculum\":{\"type\":\"hard_first\"}")).containsExactly("/curriculum/type");
    assertThat(pointers(",\"curriculum\":{\"startFraction\":0}")).containsExactly("/curriculum/startFraction");
    assertThat(pointers(",\"curriculum\":{\"startFraction\":-0.1}")).containsExactly("/curriculum/startFraction");
    assertThat(pointers(",\"curriculum\":{\"startFraction\":1.5}")).containsExactly("/curriculum/startFraction");
    assertThat(pointers(",\"curriculum\":{\"startFraction\":1}")).isEmpty();
    assertThat(pointers(",\"curriculum\":{\"epochsToFull\":0}")).containsExactly("/curriculum/epochsToFull");
    assertThat(pointers(",\"curriculum\":{\"scoredBy\":\"job-7\"}")).containsExactly("/curriculum/scoredBy");
    assertThat(pointers(",\"curriculum\":{\"checkpoint\":\"final\"}")).containsExactly("/curriculum/checkpoint");
    assertThat(pointers(",\"curriculum\":{\"order\":\"easy\"}")).containsExactly("/curriculum/order");
    assertThat(pointers(",\"curriculum\":\"easy_first\"")).containsExactly("/curriculum");
    assertThat(pointers(",\"optimizer\":{\"type\":\"lbfgs\"},\"curriculum\":{}")).containsExactly("/curriculum");
  }

  @Test
  void epochSizesAreTheCeilingOfTheLinearFraction() {
    CurriculumSpec spec = new CurriculumSpec("easy_first", "loss", null, 0.3, 4);
    for (int n : new int[] {1, 7, 120, 1437}) {
      for (int e = 0; e < 7; e++) {
        assertThat(spec.size(n, e)).as("n %d epoch %d", n, e).isEqualTo(exactSize(n, 0.3, 4, e));
      }
    }
    assertThat(new CurriculumSpec("easy_first", "loss", null, 0.3, 4).size(120, 1)).isEqualTo(57);
  }

  /** ⌈n · (s + (1 − s) · min(1, e / E))⌉ in exact decimal arithmetic, at least 1. */
  private static int exactSize(int n, double start, int epochsToFull, int epoch) {
    BigDecimal s = BigDecimal.valueOf(start);
    BigDecimal grown = BigDecimal.ONE.subtract(s).multiply(BigDecimal.valueOf(Math.min(epoch, epochsToFull)))
        .divide(BigDecimal.valueOf(epochsToFull), 30, RoundingMode.HALF_EVEN);
    int size = BigDecimal.valueOf(n).multiply(s.add(grown)).setScale(0, RoundingMode.CEILING).intValueExact();
    return Math.max(1, size);
  }
}
