package dev.descent.persistence.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ASHA's promotion rule (Li et al. 2020), a pure function of the rung records. At rung k, with n_k trials recorded,
 * the best ⌊n_k/η⌋ (by value in the objective's direction, NaN last, ties by trial number) are the top; while fewer
 * than ⌊n_k/η⌋ have been promoted, the best waiting ones of the top are promoted, so the promoted count is always
 * ⌊n_k/η⌋ (asynchronous: a waiting trial may be promoted later as more trials arrive). Rung k is complete when rung
 * k−1 is (rung 0: always) and every trial that could still arrive — every trial for rung 0, those promoted from k−1
 * otherwise — has a record at k or has ended; then the waiting trials of rung k are pruned.
 */
public final class AshaRule {
  public static final String PROMOTED = "promoted";
  public static final String PRUNED = "pruned";

  /** A trial's value at a rung and its decision so far (null: waiting). */
  public record Record(int trial, int rung, double value, String decision) {}

  /** A decision to take: promote or prune {@code trial} at {@code rung}. */
  public record Decision(int trial, int rung, String decision) {}

  private AshaRule() {}

  /**
   * The decisions to take now. {@code trials}: every trial of the study; {@code ended}: those whose job has ended
   * (they arrive nowhere any more); {@code rungs}: how many rungs take decisions (those below the top).
   */
  public static List<Decision> decide(List<Integer> trials, Set<Integer> ended, List<Record> records, int rungs,
      int reductionFactor, boolean maximize) {
    List<Decision> decisions = new ArrayList<>();
    Set<Integer> expected = new HashSet<>(trials);
    boolean complete = true;
    for (int k = 0; k < rungs; k++) {
      int rung = k;
      List<Record> at = records.stream().filter(r -> r.rung() == rung).sorted(order(maximize)).toList();
      int top = at.size() / reductionFactor;
      long promoted = at.stream().filter(r -> PROMOTED.equals(r.decision())).count();
      Set<Integer> next = new HashSet<>();
      for (int i = 0; i < at.size(); i++) {
        Record r = at.get(i);
        if (PROMOTED.equals(r.decision())) {
          next.add(r.trial());
        } else if (r.decision() == null && i < top && promoted < top) {
          promoted++;
          next.add(r.trial());
          decisions.add(new Decision(r.trial(), k, PROMOTED));
        }
      }
      Set<Integer> arrived = new HashSet<>();
      at.forEach(r -> arrived.add(r.trial()));
      complete = complete && expected.stream().allMatch(t -> arrived.contains(t) || ended.contains(t));
      if (complete) {
        for (Record r : at) {
          if (r.decision() == null && !next.contains(r.trial())) {
            decisions.add(new Decision(r.trial(), k, PRUNED));
          }
        }
      }
      expected = next;
    }
    return decisions;
  }

  /** Best first in the objective's direction, NaN last, then by trial number. */
  static Comparator<Record> order(boolean maximize) {
    Comparator<Record> byValue = Comparator.comparingDouble(r -> Double.isNaN(r.value())
        ? Double.POSITIVE_INFINITY : maximize ? -r.value() : r.value());
    return byValue.thenComparingInt(Record::trial);
  }
}
