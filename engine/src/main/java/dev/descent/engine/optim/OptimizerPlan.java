package dev.descent.engine.optim;

import java.util.List;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Everything a training loop needs to run one optimizer spec on a DL4J network.
 *
 * <ul>
 *   <li>{@code updater}: set with {@code NeuralNetConfiguration.Builder.updater(...)}.
 *   <li>{@code regularization}: PyTorch's {@code weight_decay} acts on EVERY parameter, so set it with both
 *       {@code .regularization(list)} and {@code .regularizationBias(list)} (DL4J runs {@code L2Regularization}
 *       before the updater and {@code WeightDecay} after it, exactly PyTorch's orders).
 *   <li>{@code clipping}: call {@link GradientClipping#apply} from a listener's {@code onBackwardPass}.
 * </ul>
 */
public record OptimizerPlan(IUpdater updater, List<Regularization> regularization, GradientClipping clipping) {}
