package dev.descent.persistence.study;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PBT's truncation selection (Jaderberg et al. 2017, "Population Based Training of Neural Networks", §3 and
 * appendix A.1), a pure function of one round's values. The members are ranked best first (in the objective's
 * direction, NaN last, ties by trial number, as {@link AshaRule#order}); with n ranked and q the quantile, the
 * bottom c = max(1, ⌊n·q⌋) each exploit a member of the top c and explore: for each member of the bottom, in rank
 * order, one draw picks its source among the top c, then one draw per mutation (in order) its factor — all from one
 * {@link SplittableRandom} seeded from the sample seed and the round, so a round's decisions are reproducible. Fewer
 * than two members exploit nothing.
 */
public final class PbtRule {
  /** A member's value at the round's end. */
  public record Member(int trial, double value) {}

  /** A decision: {@code trial} continues from {@code source}'s state, each mutation multiplied by its factor. */
  public record Exploit(int trial, int source, List<Double> factors) {}

  private PbtRule() {}

  /** The members best first. */
  public static List<Member> ranked(List<Member> members, boolean maximize) {
    return members.stream().sorted((a, b) -> AshaRule.order(maximize).compare(record(a), record(b))).toList();
  }

  /** The exploits of one round: {@code factors} lists, per mutation in order, the factors it picks from. */
  public static List<Exploit> decide(List<Member> members, double quantile, boolean maximize, long sampleSeed,
      int round, List<List<Double>> factors) {
    List<Member> ranked = ranked(members, maximize);
    int n = ranked.size();
    if (n < 2) {
      return List.of();
    }
    int cut = Math.max(1, (int) Math.floor(n * quantile));
    SplittableRandom random = new SplittableRandom(sampleSeed ^ (0x9E3779B97F4A7C15L * round));
    List<Exploit> out = new ArrayList<>();
    for (Member bottom : ranked.subList(n - cut, n)) {
      int source = ranked.get(random.nextInt(cut)).trial();
      List<Double> chosen = new ArrayList<>();
      for (List<Double> f : factors) {
        chosen.add(f.get(random.nextInt(f.size())));
      }
      out.add(new Exploit(bottom.trial(), source, chosen));
    }
    return out;
  }

  private static AshaRule.Record record(Member m) {
    return new AshaRule.Record(m.trial(), 0, m.value(), null);
  }
}
