package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.averaging.Averages;
import dev.descent.engine.data.Minibatches;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.AveragingSpec;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-iteration cost of Polyak averaging next to one training iteration, on {@link EngineThroughputBenchmark}'s
 * 784-1024-256-10 MLP (1,068,810 parameters), minibatch 64, Adam, one OpenMP thread. {@code fitStep}: one DL4J
 * update; {@code averagingUpdate}: folding the parameters into one arithmetic and one exponential average, as the
 * loop does after every update. The overhead is {@code averagingUpdate / fitStep}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AveragingOverheadBenchmark {
  private MultiLayerNetwork network;
  private Minibatches batches;
  private Averages averages;
  private int next;
  private long iteration;

  @Setup
  public void setUp() {
    NativeThreads.configure(1);
    TrainingSpec spec = SpecParser.parse(EngineThroughputBenchmark.SPEC, EngineLimits.DEFAULTS);
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    batches = new Minibatches(data.train(), EngineThroughputBenchmark.BATCH, spec.seed());
    batches.shuffle(0);
    network = NetworkFactory.build(spec, batches.batchCount());
    averages = Averages.of(List.of(new AveragingSpec(AveragingSpec.ARITHMETIC, 0, 0),
        new AveragingSpec(AveragingSpec.EMA, 0, AveragingSpec.DEFAULT_DECAY)), network.params());
  }

  @Benchmark
  public double fitStep() {
    network.fit(batches.batch(next));
    next = (next + 1) % batches.batchCount();
    return network.score();
  }

  @Benchmark
  public long averagingUpdate() {
    averages.update(network.params(), ++iteration);
    return iteration;
  }
}
