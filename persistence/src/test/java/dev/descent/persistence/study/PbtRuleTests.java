package dev.descent.persistence.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PBT's truncation selection: who exploits whom, reproducibly, and explore's clipping and rounding. */
class PbtRuleTests {
  private static final List<PbtRule.Member> EIGHT = List.of(new PbtRule.Member(0, 0.5), new PbtRule.Member(1, 0.1),
      new PbtRule.Member(2, Double.NaN), new PbtRule.Member(3, 0.3), new PbtRule.Member(4, 0.2),
      new PbtRule.Member(5, 0.9), new PbtRule.Member(6, 0.1), new PbtRule.Member(7, 0.4));
  private static final List<List<Double>> FACTORS = List.of(List.of(0.8, 1.25));

  @Test
  void theBottomQuantileExploitsTheTopQuantile() {
    assertThat(PbtRule.ranked(EIGHT, false)).extracting(PbtRule.Member::trial)
        .as("best first, NaN last, ties by trial").containsExactly(1, 6, 4, 3, 7, 0, 5, 2);
    List<PbtRule.Exploit> exploits = PbtRule.decide(EIGHT, 0.25, false, 7, 1, FACTORS);
    assertThat(exploits).extracting(PbtRule.Exploit::trial).containsExactly(5, 2);
    assertThat(exploits).extracting(PbtRule.Exploit::source).allMatch(s -> s == 1 || s == 6);
    assertThat(exploits).allSatisfy(e -> assertThat(e.factors()).hasSize(1).allMatch(f -> f == 0.8 || f == 1.25));
    assertThat(PbtRule.decide(EIGHT, 0.25, false, 7, 1, FACTORS)).as("reproducible").isEqualTo(exploits);
    assertThat(PbtRule.decide(EIGHT, 0.25, true, 7, 1, FACTORS)).extracting(PbtRule.Exploit::trial)
        .as("maximizing: the lowest values exploit, NaN last").containsExactly(6, 2);
  }

  @Test
  void atLeastOneExploitsFromTwoMembersAndNoneFromOne() {
    List<PbtRule.Member> two = List.of(new PbtRule.Member(0, 2.0), new PbtRule.Member(1, 1.0));
    assertThat(PbtRule.decide(two, 0.25, false, 0, 3, FACTORS)).extracting(PbtRule.Exploit::trial, e -> e.source())
        .containsExactly(tuple(0, 1));
    assertThat(PbtRule.decide(two.subList(0, 1), 0.5, false, 0, 3, FACTORS)).isEmpty();
  }

  @Test
  void theRoundChangesTheDrawsButNotTheChoiceOfWhoExploits() {
    boolean differs = false;
    for (int round = 1; round <= 20 && !differs; round++) {
      differs = !PbtRule.decide(EIGHT, 0.25, false, 7, round, FACTORS)
          .equals(PbtRule.decide(EIGHT, 0.25, false, 7, round + 1, FACTORS));
    }
    assertThat(differs).isTrue();
  }

  @Test
  void exploreClipsToTheBoundsAndRoundsIntegers() {
    PbtParams.Mutation bounded = new PbtParams.Mutation("/optimizer/lr", List.of(2.0), 0.001, 0.1, false);
    assertThat(bounded.explore(0.08, 2.0)).isEqualTo(0.1);
    assertThat(bounded.explore(0.0008, 0.5)).isEqualTo(0.001);
    assertThat(bounded.explore(0.01, 1.25)).isEqualTo(0.0125);
    assertThat(new PbtParams.Mutation("/n", List.of(1.25), null, null, true).explore(10, 1.25)).isEqualTo(13);
  }

  @Test
  void pointersBecomePostgresPaths() {
    assertThat(PbtSpecs.path("/optimizer/lr")).isEqualTo("{\"optimizer\",\"lr\"}");
    assertThat(PbtSpecs.path("/a~1b/c~0d/0")).isEqualTo("{\"a/b\",\"c~d\",\"0\"}");
    assertThat(PbtSpecs.json(new LinkedHashMap<>(Map.of("/x\"", "1")))).isEqualTo("{\"/x\\\"\":1}");
  }
}
