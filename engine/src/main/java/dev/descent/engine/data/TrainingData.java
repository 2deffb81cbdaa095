package dev.descent.engine.data;

import dev.descent.engine.spec.DatasetSpec;

/** The data a job trains on: its training and validation parts (the latter possibly empty), standardized. */
public record TrainingData(Samples train, Samples validation) {

  /** Loads or generates the dataset, splits it by {@code seed}, and standardizes with the training statistics. */
  public static TrainingData prepare(DatasetSpec spec, long seed) {
    Samples all = spec.kind().synthetic().isPresent()
        ? SyntheticDatasets.generate(spec, seed)
        : BuiltInDatasets.load(spec.kind());
    int[][] rows = StratifiedSplit.split(all, spec.validationSplit(), seed);
    Samples train = all.subset(rows[0]);
    Samples validation = all.subset(rows[1]);
    if (!spec.standardize()) {
      return new TrainingData(train, validation);
    }
    Standardizer standardizer = Standardizer.fit(train);
    return new TrainingData(standardizer.apply(train), standardizer.apply(validation));
  }
}
