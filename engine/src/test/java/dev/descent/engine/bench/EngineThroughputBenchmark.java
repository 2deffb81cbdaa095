package dev.descent.engine.bench;

import dev.descent.engine.NativeThreads;
import dev.descent.engine.TrainingContext;
import dev.descent.engine.TrainingEngine;
import dev.descent.engine.TrainingOutcome;
import dev.descent.engine.data.Minibatches;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.EngineLimits;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.spec.TrainingSpec;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Training throughput in samples/s of a 784-1024-256-10 ReLU MLP, minibatch 64, Adam (lr 1e-3), on synthetic
 * Gaussian blobs (784 features, 10 classes). {@code fitStep}: one DL4J update on a minibatch of the engine's
 * {@link Minibatches} (the loop's inner step); {@code engineRun}: a whole {@link TrainingEngine#run} of 2 epochs over
 * 1,280 samples, data generation, network init, per-epoch evaluation and the final checkpoint included.
 * {@code threads}: {@code 1} calls {@link NativeThreads#configure}(1) in the forked JVM (started without
 * {@code OMP_NUM_THREADS}); {@code default} leaves ND4J's own choice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineThroughputBenchmark {
  static final int BATCH = 64;
  static final int SAMPLES = 1_280;
  static final int EPOCHS = 2;
  static final String SPEC = "{\"seed\":1,\"dataset\":{\"name\":\"blobs\",\"samples\":" + SAMPLES
      + ",\"features\":784,\"classes\":10,\"noise\":4.0,\"validationSplit\":0},"
      + "\"model\":{\"weightInit\":\"relu\",\"layers\":[{\"type\":\"dense\",\"units\":1024},"
      + "{\"type\":\"dense\",\"units\":256},{\"type\":\"output\"}]},"
      + "\"optimizer\":{\"type\":\"adam\",\"lr\":0.001},\"epochs\":" + EPOCHS + ",\"batchSize\":" + BATCH + "}";

  @Param({"1", "default"})
  public String threads;

  private TrainingSpec spec;
  private MultiLayerNetwork network;
  private Minibatches batches;
  private int next;

  @Setup
  public void setUp() {
    if (!threads.equals("default")) {
      NativeThreads.configure(Integer.parseInt(threads));
    }
    spec = SpecParser.parse(SPEC, EngineLimits.DEFAULTS);
    TrainingData data = TrainingData.prepare(spec.dataset(), spec.seed());
    batches = new Minibatches(data.train(), BATCH, spec.seed());
    batches.shuffle(0);
    network = NetworkFactory.build(spec, batches.batchCount());
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double fitStep() {
    network.fit(batches.batch(next));
    next = (next + 1) % batches.batchCount();
    return network.score();
  }

  @Benchmark
  @OperationsPerInvocation(SAMPLES * EPOCHS)
  public TrainingOutcome engineRun() {
    return new TrainingEngine().run(spec, TrainingContext.silent());
  }
}
