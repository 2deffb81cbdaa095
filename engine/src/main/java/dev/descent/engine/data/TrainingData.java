package dev.descent.engine.data;

import dev.descent.engine.spec.DatasetSpec;

/**
 * The data a job trains on: its training and validation parts (the latter possibly empty), preprocessed by
 * {@code preprocessing} (standardized and whitened as the spec asks, fitted on the training part only).
 * Fashion-MNIST and IDX folders come split (their test set is the validation part); the other sets are split by seed.
 */
public record TrainingData(Samples train, Samples validation, Preprocessing preprocessing) {

  /** Raw parts, before preprocessing. */
  TrainingData(Samples train, Samples validation) {
    this(train, validation, null);
  }

  /** Loads or generates the dataset, splits it by {@code seed}, and preprocesses it as fitted on the training part. */
  public static TrainingData prepare(DatasetSpec spec, long seed) {
    return preprocessed(raw(spec, seed), spec);
  }

  /** {@code raw} parts with the preprocessing {@code spec} asks for, fitted on {@code raw.train()} alone. */
  static TrainingData preprocessed(TrainingData raw, DatasetSpec spec) {
    return applied(raw, Preprocessing.fit(spec, raw.train()));
  }

  /**
   * The job's data with a stored {@code preprocessing} (a checkpoint's) applied to its raw parts instead of a fresh
   * fit: what predictions on the job's own split see.
   */
  public static TrainingData prepare(DatasetSpec spec, long seed, Preprocessing preprocessing) {
    return applied(raw(spec, seed), preprocessing);
  }

  private static TrainingData applied(TrainingData raw, Preprocessing preprocessing) {
    return new TrainingData(preprocessing.apply(raw.train()), preprocessing.apply(raw.validation()), preprocessing);
  }

  /** The parts as loaded or generated and split by {@code seed}, before any preprocessing (which is null). */
  public static TrainingData raw(DatasetSpec spec, long seed) {
    return switch (spec.kind()) {
      case FASHION_MNIST -> FashionMnist.load(spec, seed);
      case IDX -> IdxDataset.load(spec, seed);
      default -> split(spec, seed);
    };
  }

  private static TrainingData split(DatasetSpec spec, long seed) {
    Samples all = spec.kind().synthetic().isPresent()
        ? SyntheticDatasets.generate(spec, seed)
        : BuiltInDatasets.load(spec.kind());
    int[][] rows = StratifiedSplit.split(all, spec.validationSplit(), seed);
    Samples train = all.subset(rows[0]);
    return new TrainingData(train, all.subset(rows[1]));
  }
}
