package dev.descent.engine.data;

import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.data.files.FashionMnistFolder;
import dev.descent.engine.spec.DatasetSpec;
import java.nio.file.Path;

/**
 * Fashion-MNIST from the folder the spec reader found it in ({@link FashionMnistFolder}): a seeded random subset of
 * {@code trainSubset} training images and of {@code testSubset} test images, the latter the validation part. Pixels
 * are scaled to [0, 1].
 */
final class FashionMnist {
  private FashionMnist() {}

  static TrainingData load(DatasetSpec spec, long seed) {
    Path folder = spec.fashionMnistFolder() != null
        ? spec.fashionMnistFolder()
        : FashionMnistFolder.location(DataFolder.fromEnvironment());
    Samples train = IdxSamples.subset(folder.resolve(FashionMnistFolder.TRAIN_IMAGES),
        folder.resolve(FashionMnistFolder.TRAIN_LABELS), 1, spec.trainSubset(), seed, FashionMnistFolder.CLASSES);
    Samples test = IdxSamples.subset(folder.resolve(FashionMnistFolder.TEST_IMAGES),
        folder.resolve(FashionMnistFolder.TEST_LABELS), 1, spec.testSubset(), seed + 1, FashionMnistFolder.CLASSES);
    return new TrainingData(train, test);
  }
}
