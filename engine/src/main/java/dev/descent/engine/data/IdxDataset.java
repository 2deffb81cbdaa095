package dev.descent.engine.data;

import dev.descent.engine.data.files.IdxFolder;
import dev.descent.engine.spec.DatasetSpec;

/**
 * An {@code idx} dataset: the folder the parser opened ({@link DatasetSpec#idx()}), a seeded random subset of
 * {@code trainSubset} training and {@code testSubset} test images, the latter the validation part; pixels scaled to
 * [0, 1] as for Fashion-MNIST (the same seeds, so {@code idx} on the Fashion-MNIST folder gives the same samples).
 */
final class IdxDataset {
  private IdxDataset() {}

  static TrainingData load(DatasetSpec spec, long seed) {
    IdxFolder idx = spec.idx();
    int channels = idx.imageSize().channels();
    Samples train = IdxSamples.subset(idx.trainImages(), idx.trainLabels(), channels, spec.trainSubset(), seed,
        spec.classCount());
    Samples test = IdxSamples.subset(idx.testImages(), idx.testLabels(), channels, spec.testSubset(), seed + 1,
        spec.classCount());
    return new TrainingData(train, test);
  }
}
