package dev.descent.engine.online;

import dev.descent.engine.online.input.SparseVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples of one update, each with the slope {@code ℓ'_j} of its loss at the weights it was scored with. A
 * batch of one is handed to the learner as it is ({@code update(x, ℓ')}, the exact per-sample rule); a batch of
 * {@code n > 1} as its mean gradient {@code ḡ = (1/n)·Σ_j ℓ'_j·x_j} with slope 1, so each algorithm takes
 * {@code ḡ} as that step's gradient {@code g_t}.
 */
final class GradientBatch {
  private final List<SparseVector> features = new ArrayList<>();
  private final List<Double> slopes = new ArrayList<>();

  void add(SparseVector x, double slope) {
    features.add(x);
    slopes.add(slope);
  }

  int size() {
    return features.size();
  }

  /** One update of {@code learner} with this batch, which is then empty. */
  void train(OnlineLearner learner) {
    if (features.size() == 1) {
      learner.update(features.get(0), slopes.get(0));
    } else if (!features.isEmpty()) {
      learner.update(meanGradient(learner.dimension()), 1.0);
    }
    features.clear();
    slopes.clear();
  }

  private SparseVector meanGradient(int dimension) {
    int entries = features.stream().mapToInt(SparseVector::nonzeros).sum();
    int[] indices = new int[entries];
    double[] values = new double[entries];
    int at = 0;
    for (int j = 0; j < features.size(); j++) {
      SparseVector x = features.get(j);
      double weight = slopes.get(j) / features.size();
      for (int e = 0; e < x.nonzeros(); e++) {
        indices[at] = x.indices()[e];
        values[at++] = weight * x.values()[e];
      }
    }
    return SparseVector.sum(dimension, indices, values);
  }
}
