package dev.descent.engine.bench;

import dev.descent.engine.rules.Rules;
import dev.descent.engine.spec.RuleCondition;
import dev.descent.engine.spec.RuleSpec;
import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.RuleSink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * What a job's rules cost on the training thread per recorded metric point: the points of one update (loss,
 * grad_norm, lr and 8 per-layer series) through {@link Rules} with four rules (three on loss, one on a layer series;
 * none firing) against the same points straight into the sink. Prints {@code rules_ns_per_point} (the extra
 * nanoseconds per point, median of 9 rounds of 2,000,000 updates on the thread's CPU clock; goal: well under a
 * microsecond, against updates of milliseconds) and {@code rules_points_ns} (the sink alone).
 */
public final class RuleOverheadBench {
  private static final int UPDATES = 2_000_000;
  private static final int ROUNDS = 9;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {"loss", "grad_norm", "lr", "update_ratio/0:dense", "update_ratio/1:dense",
      "update_ratio/2:output", "grad_norm/0:dense", "grad_norm/1:dense", "grad_norm/2:output", "param_norm/0:dense",
      "param_norm/1:dense"};

  private RuleOverheadBench() {}

  public static void main(String[] args) {
    List<RuleSpec> rules = List.of(rule("loss", RuleCondition.NONFINITE, null, RuleSpec.STOP),
        rule("loss", ">", 1e9, RuleSpec.FAIL), rule("loss", "<", -1.0, RuleSpec.ANNOTATE),
        rule("update_ratio/0:dense", ">", 1e9, RuleSpec.PAUSE));
    long[] plain = new long[ROUNDS];
    long[] ruled = new long[ROUNDS];
    Counter sink = new Counter();
    for (int r = 0; r < ROUNDS; r++) {
      plain[r] = feed(sink);
      ruled[r] = feed(new Rules(rules, sink, RuleSink.NONE));
    }
    double points = (double) UPDATES * NAMES.length;
    double plainNs = median(plain) / points;
    new BenchResult("rules_points_ns", plainNs, "ns/point").print();
    new BenchResult("rules_ns_per_point", median(ruled) / points - plainNs, "ns/point").print();
    System.out.println("(checksum " + sink.sum + ")");
  }

  private static long feed(MetricSink sink) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 1; i <= UPDATES; i++) {
      double value = 1.0 / i;
      for (String name : NAMES) {
        sink.record(new MetricPoint(name, i, 0, value));
      }
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static RuleSpec rule(String metric, String test, Double value, String action) {
    return new RuleSpec(new RuleCondition(metric, test, value, 1, null, null), action);
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A sink that keeps a running sum, so that no point is optimized away. */
  private static final class Counter implements MetricSink {
    double sum;

    @Override
    public void record(MetricPoint point) {
      sum += point.value();
    }
  }
}
