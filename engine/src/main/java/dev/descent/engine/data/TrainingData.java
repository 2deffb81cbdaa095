package dev.descent.engine.data;

import dev.descent.engine.spec.DatasetSpec;

/**
 * The data a job trains on: its training and validation parts (the latter possibly empty), standardized.
 * Fashion-MNIST and IDX folders come split (their test set is the validation part); the other sets are split by seed.
 */
public record TrainingData(Samples train, Samples validation) {

  /** Loads or generates the dataset, splits it by {@code seed}, and standardizes with the training statistics. */
  public static TrainingData prepare(DatasetSpec spec, long seed) {
    TrainingData parts = parts(spec, seed);
    if (!spec.standardize()) {
      return parts;
    }
    Standardizer standardizer = Standardizer.fit(parts.train());
    return new TrainingData(standardizer.apply(parts.train()), standardizer.apply(parts.validation()));
  }

  /**
   * Rows given from outside (a prediction request) preprocessed as {@link #prepare} preprocesses the job's own data:
   * standardized with the training part's statistics, recomputed from {@code spec} and {@code seed} (the split is
   * deterministic), or returned as they are when the spec does not standardize.
   */
  public static float[][] preprocess(DatasetSpec spec, long seed, float[][] rows) {
    if (!spec.standardize()) {
      return rows;
    }
    return Standardizer.fit(parts(spec, seed).train()).apply(rows);
  }

  private static TrainingData parts(DatasetSpec spec, long seed) {
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
