package dev.descent.engine.optim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.engine.optim.OptimizerSpecs;
import dev.descent.engine.optim.updater.AdamConfig;
import dev.descent.engine.optim.updater.SgdConfig;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@code applyUpdater} step on float32 parameters for every optimizer type (spec defaults) against DL4J's native
 * {@code Adam} and {@code Nesterovs}, and a plain copy ({@code dst.assign(src)}, 1 read + 1 write per element) from
 * which the memory-bandwidth bound of each step follows: a step reading g and k state arrays and writing k state
 * arrays and the update makes 2k + 2 array passes, {@code k + 1} times the copy. See {@code docs/bench-optim.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class UpdateStepBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Param({"1000000", "10000000"})
  public int size;

  @Param({"copy", "dl4j-adam", "dl4j-nesterovs", "sgd", "sgd-momentum", "adam", "adamw", "adam-amsgrad", "adamax",
      "nadam", "radam", "qhadam", "aggmo", "rmsprop", "rmsprop_nesterov", "adagrad", "adadelta", "asgd", "rprop",
      "deltabardelta"})
  public String step;

  private GradientUpdater<?> updater;
  private INDArray source;
  private INDArray gradient;
  private int iteration;

  @Setup
  public void setUp() {
    source = Nd4j.rand(DataType.FLOAT, 1, size).subi(0.5);
    gradient = source.dup();
    IUpdater config = switch (step) {
      case "copy" -> null;
      case "dl4j-adam" -> new Adam(1e-3);
      case "dl4j-nesterovs" -> new Nesterovs(1e-3, 0.9);
      case "sgd-momentum" -> new SgdConfig(1e-3, 0.9, 0, false);
      case "adam-amsgrad" -> new AdamConfig(1e-3, 0.9, 0.999, 1e-8, true);
      default -> OptimizerSpecs.toUpdater(JSON.createObjectNode().put("type", step), null, 1);
    };
    if (config != null) {
      INDArray state = Nd4j.zeros(DataType.FLOAT, 1, config.stateSize(size));
      updater = config.instantiate(state, true);
    }
  }

  /** Restores the gradient (a copy, as the step overwrites it) and runs one step. */
  @Benchmark
  public INDArray update() {
    gradient.assign(source);
    if (updater != null) {
      updater.applyUpdater(gradient, iteration++, 0);
    }
    return gradient;
  }
}
