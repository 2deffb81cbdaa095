package dev.descent.engine.online.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.online.Loss;
import dev.descent.engine.online.OnlineModel;
import dev.descent.engine.online.OnlineResult;
import dev.descent.engine.online.OnlineSpecs;
import dev.descent.engine.online.OnlineTrainer;
import dev.descent.engine.online.Reporting;
import dev.descent.engine.online.WeightSnapshot;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.SyntheticSparseStream;
import dev.descent.engine.spi.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sparsity versus progressive loss of TG, FOBOS, RDA and FTRL on one synthetic sparse logistic stream. Each
 * algorithm first gets its best base step size at zero regularization (from a small grid), then runs over a grid of
 * L1 strengths; every run prints the mean progressive log loss, the non-zero fraction at the end and averaged over
 * the run, and how many of the true support's coordinates the final weights keep. The command that regenerates
 * {@code docs/studies/online-sparsity.md} is given there.
 */
public final class OnlineSparsityStudy {
  static final SyntheticSparseStream STREAM = new SyntheticSparseStream(20_000, 1_000, 20, 0.2, 2026);
  private static final ObjectMapper JSON = new ObjectMapper();

  private OnlineSparsityStudy() {}

  /** One algorithm's base-rate grid and L1 grid. */
  record Sweep(String algorithm, String rateName, double[] rates, String l1Name, double[] l1s, String extra) {}

  static final List<Sweep> SWEEPS = List.of(
      new Sweep("tg", "eta", new double[] {0.1, 0.3, 1, 3}, "gravity",
          new double[] {0.001, 0.003, 0.01, 0.03, 0.1}, "{\"k\":10}"),
      new Sweep("fobos", "eta", new double[] {0.1, 0.3, 1, 3}, "l1",
          new double[] {0.001, 0.003, 0.01, 0.03, 0.1}, "{}"),
      new Sweep("rda", "gamma", new double[] {0.3, 1, 3, 10}, "l1",
          new double[] {0.001, 0.003, 0.01, 0.03, 0.1}, "{}"),
      new Sweep("ftrl", "alpha", new double[] {0.03, 0.1, 0.3, 1}, "l1",
          new double[] {1, 10, 30, 100, 300}, "{\"beta\":1}"));

  public static void main(String[] args) throws Exception {
    double[] truth = STREAM.trueWeights();
    System.out.printf(Locale.ROOT, "Mean log loss of the true weights on the stream: %.4f%n%n", bayesLoss(truth));
    System.out.println("| algorithm | rate | L1 | mean progressive loss | final non-zero fraction "
        + "| mean non-zero fraction | true support kept (of 20) |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Sweep sweep : SWEEPS) {
      double rate = bestRate(sweep);
      System.out.println(row(sweep, rate, 0.0, truth));
      for (double l1 : sweep.l1s()) {
        System.out.println(row(sweep, rate, l1, truth));
      }
    }
  }

  private static double bayesLoss(double[] truth) {
    double sum = 0.0;
    for (Example example : STREAM) {
      sum += Loss.LOGISTIC.value(example.x().dot(truth), example.y());
    }
    return sum / STREAM.samples();
  }

  private static double bestRate(Sweep sweep) throws Exception {
    double best = Double.NaN;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double rate : sweep.rates()) {
      double loss = run(spec(sweep, rate, 0.0), new double[1], new ArrayList<>()).progressiveLossAverage();
      if (loss < bestLoss) {
        bestLoss = loss;
        best = rate;
      }
    }
    return best;
  }

  private static String row(Sweep sweep, double rate, double l1, double[] truth) throws Exception {
    double[] fractionSum = new double[1];
    List<WeightSnapshot> snapshots = new ArrayList<>();
    OnlineResult result = run(spec(sweep, rate, l1), fractionSum, snapshots);
    double[] w = snapshots.get(snapshots.size() - 1).weights();
    int kept = 0;
    for (int i = 0; i < w.length; i++) {
      kept += truth[i] != 0 && w[i] != 0 ? 1 : 0;
    }
    return String.format(Locale.ROOT, "| %s | %s=%s | %s=%s | %.4f | %.3f | %.3f | %d |",
        sweep.algorithm(), sweep.rateName(), rate, sweep.l1Name(), l1, result.progressiveLossAverage(),
        result.nonzeros() / (double) w.length, fractionSum[0] / result.steps(), kept);
  }

  private static ObjectNode spec(Sweep sweep, double rate, double l1) throws Exception {
    ObjectNode spec = (ObjectNode) JSON.readTree(sweep.extra());
    return spec.put("algorithm", sweep.algorithm()).put(sweep.rateName(), rate).put(sweep.l1Name(), l1);
  }

  private static OnlineResult run(ObjectNode spec, double[] fractionSum, List<WeightSnapshot> snapshots) {
    OnlineModel model = OnlineSpecs.create(spec, STREAM.dimension());
    OnlineTrainer trainer = new OnlineTrainer(
        point -> fractionSum[0] += point.name().equals("nonzero_fraction") ? point.value() : 0.0,
        snapshots::add,
        CancellationToken.NEVER,
        new Reporting(1, 0));
    return trainer.train(model, STREAM.iterator());
  }
}
