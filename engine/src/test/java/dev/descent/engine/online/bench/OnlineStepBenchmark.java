package dev.descent.engine.online.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.engine.online.Loss;
import dev.descent.engine.online.OnlineLearner;
import dev.descent.engine.online.OnlineSpecs;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.FeatureHasher;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one online step (score, loss slope, update) on hashed sparse input: {@code NONZEROS} raw features per
 * sample hashed into {@code dimension} coordinates, with the L1 strengths of {@code REGULARIZATIONS}. OGD and FTRL
 * touch only the sample's coordinates; TG (on its k-th steps), FOBOS and RDA also visit every non-zero weight.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OnlineStepBenchmark {
  private static final int NONZEROS = 100;
  private static final int SAMPLES = 1024;
  private static final Map<String, Map<String, Double>> REGULARIZATIONS = Map.of(
      "ogd", Map.of(), "tg", Map.of("gravity", 0.01), "fobos", Map.of("l1", 0.01), "rda", Map.of("l1", 0.01),
      "ftrl", Map.of("l1", 1.0));

  @Param({"ogd", "tg", "fobos", "rda", "ftrl"})
  public String algorithm;

  @Param({"1024", "1048576"})
  public int dimension;

  private OnlineLearner learner;
  private Example[] examples;
  private int next;

  @Setup
  public void setUp() throws Exception {
    ObjectNode spec = new ObjectMapper().createObjectNode().put("algorithm", algorithm);
    REGULARIZATIONS.get(algorithm).forEach((name, value) -> spec.put(name, value));
    learner = OnlineSpecs.create(spec, dimension).learner();
    FeatureHasher hasher = new FeatureHasher(dimension, 1);
    SplittableRandom random = new SplittableRandom(7);
    examples = new Example[SAMPLES];
    for (int s = 0; s < SAMPLES; s++) {
      long[] raw = random.longs(NONZEROS, 0, 1L << 40).toArray();
      double[] values = random.doubles(NONZEROS).toArray();
      examples[s] = new Example(hasher.map(raw, values), random.nextInt(2));
    }
  }

  @Benchmark
  public double step() {
    Example example = examples[next++ & (SAMPLES - 1)];
    double margin = learner.margin(example.x());
    learner.update(example.x(), Loss.LOGISTIC.slope(margin, example.y()));
    return margin;
  }
}
