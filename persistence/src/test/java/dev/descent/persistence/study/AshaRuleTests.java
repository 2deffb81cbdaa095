package dev.descent.persistence.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.study.AshaRule.Decision;
import dev.descent.persistence.study.AshaRule.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** ASHA's promotion rule on crafted objectives: asynchronous promotion, ⌊n/η⌋ promoted, pruning once complete. */
class AshaRuleTests {
  private static final List<Integer> NINE = IntStream.range(0, 9).boxed().toList();
  private final List<Record> records = new ArrayList<>();

  @Test
  void promotesTheTopThirdAsTrialsArriveAndPrunesTheRestOnceAllHaveReported() {
    arrive(0, 0, 5.0, 1, 4.0, 2, 3.0);
    assertThat(decide(NINE, Set.of(), 2, false)).containsExactly(new Decision(2, 0, AshaRule.PROMOTED));
    arrive(0, 3, 1.0, 4, 2.0, 5, 0.5);
    assertThat(decide(NINE, Set.of(), 2, false)).as("top 2 of 6 are 5 and 3; 2 already went up, so one more")
        .containsExactly(new Decision(5, 0, AshaRule.PROMOTED));
    assertThat(decide(NINE, Set.of(), 2, false)).as("idempotent: nothing left to decide").isEmpty();
    arrive(0, 6, 9.0, 7, 8.0, 8, 7.0);
    assertThat(decide(NINE, Set.of(), 2, false)).containsExactlyInAnyOrder(new Decision(3, 0, AshaRule.PROMOTED),
        new Decision(0, 0, AshaRule.PRUNED), new Decision(1, 0, AshaRule.PRUNED), new Decision(4, 0, AshaRule.PRUNED),
        new Decision(6, 0, AshaRule.PRUNED), new Decision(7, 0, AshaRule.PRUNED), new Decision(8, 0, AshaRule.PRUNED));
    assertThat(promoted(0)).isEqualTo(9 / 3);
    arrive(1, 2, 0.9, 5, 0.2);
    assertThat(decide(NINE, Set.of(), 2, false)).as("rung 1 waits for trial 3, which may still arrive").isEmpty();
    arrive(1, 3, 0.1);
    assertThat(decide(NINE, Set.of(), 2, false)).containsExactlyInAnyOrder(new Decision(3, 1, AshaRule.PROMOTED),
        new Decision(2, 1, AshaRule.PRUNED), new Decision(5, 1, AshaRule.PRUNED));
  }

  @Test
  void endedTrialsCompleteARungAndFewerThanEtaPromoteNone() {
    List<Integer> three = List.of(0, 1, 2);
    arrive(0, 0, 1.0, 1, 2.0);
    assertThat(decide(three, Set.of(), 1, false)).as("trial 2 may still arrive").isEmpty();
    assertThat(decide(three, Set.of(2), 1, false)).containsExactly(new Decision(0, 0, AshaRule.PRUNED),
        new Decision(1, 0, AshaRule.PRUNED));
  }

  @Test
  void maximizesWhenAskedAndRanksNanLast() {
    List<Integer> six = IntStream.range(0, 6).boxed().toList();
    arrive(0, 0, Double.NaN, 1, 0.9, 2, 0.5, 3, 0.95, 4, 0.1, 5, 0.2);
    assertThat(decide(six, Set.of(), 1, true)).startsWith(new Decision(3, 0, AshaRule.PROMOTED),
        new Decision(1, 0, AshaRule.PROMOTED)).hasSize(6);
    records.clear();
    arrive(0, 0, Double.NaN, 1, 0.9, 2, 0.5);
    assertThat(decide(List.of(0, 1, 2), Set.of(), 1, false)).startsWith(new Decision(2, 0, AshaRule.PROMOTED));
  }

  /** Records (trial, value) pairs at {@code rung}. */
  private void arrive(int rung, Object... trialValues) {
    for (int i = 0; i < trialValues.length; i += 2) {
      records.add(new Record((Integer) trialValues[i], rung, (Double) trialValues[i + 1], null));
    }
  }

  /** Decides and applies the decisions to the records, as the store does. */
  private List<Decision> decide(List<Integer> trials, Set<Integer> ended, int rungs, boolean maximize) {
    List<Decision> decisions = AshaRule.decide(trials, ended, List.copyOf(records), rungs, 3, maximize);
    for (Decision d : decisions) {
      records.replaceAll(r -> r.trial() == d.trial() && r.rung() == d.rung()
          ? new Record(r.trial(), r.rung(), r.value(), d.decision()) : r);
    }
    return decisions;
  }

  private long promoted(int rung) {
    return records.stream().filter(r -> r.rung() == rung && AshaRule.PROMOTED.equals(r.decision())).count();
  }
}
