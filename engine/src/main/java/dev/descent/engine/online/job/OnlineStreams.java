package dev.descent.engine.online.job;

import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.online.input.Example;
import dev.descent.engine.online.input.FeatureHasher;
import dev.descent.engine.online.input.FeatureSpace;
import dev.descent.engine.online.input.SparseVector;
import dev.descent.engine.online.input.SyntheticSparseStream;
import dev.descent.engine.spec.OnlineJobSpec;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The stream an online job names, seeded by the job's seed: {@code synthetic_sparse} is
 * {@link SyntheticSparseStream}; {@code breast_cancer} the shipped CSV, rows in a seeded order ({@link ShippedCsv}).
 * {@code file} a file of the user data folder, rows in file order ({@link FileStreams}). With {@code hashing}, every
 * example's raw indices go through a {@link FeatureHasher} seeded the same way.
 */
public final class OnlineStreams {
  private static final String BREAST_CANCER_FILE = "breast_cancer.csv";

  private OnlineStreams() {}

  /** The stream of {@code spec}, whose files lie in the environment's data folder. */
  public static ExampleStream open(OnlineJobSpec spec) {
    return open(spec, DataFolder.fromEnvironment());
  }

  /** The stream of {@code spec}; a file stream's path is relative to {@code data}. */
  public static ExampleStream open(OnlineJobSpec spec, DataFolder data) {
    OnlineJobSpec.Stream stream = spec.stream();
    if (OnlineJobSpec.SYNTHETIC_SPARSE.equals(stream.name())) {
      SyntheticSparseStream synthetic = new SyntheticSparseStream(
          stream.samples(), stream.features(), stream.nonzeros(), stream.density(), spec.seed());
      if (spec.hashing() == null) {
        return new ExampleStream(synthetic, stream.samples(), stream.features());
      }
      FeatureHasher hasher = new FeatureHasher(spec.hashing().dimension(), spec.seed());
      return new ExampleStream(() -> hashed(synthetic.iterator(), hasher), stream.samples(), hasher.dimension());
    }
    if (OnlineJobSpec.BREAST_CANCER.equals(stream.name())) {
      ShippedCsv csv = ShippedCsv.load(BREAST_CANCER_FILE);
      FeatureSpace space = spec.hashing() == null
          ? FeatureSpace.identity(csv.features())
          : new FeatureHasher(spec.hashing().dimension(), spec.seed());
      return new ExampleStream(csv.shuffled(space, spec.seed()), csv.rows(), space.dimension());
    }
    if (OnlineJobSpec.FILE.equals(stream.name())) {
      return FileStreams.open(spec, data);
    }
    throw new IllegalArgumentException("unknown stream " + stream.name());
  }

  private static Iterator<Example> hashed(Iterator<Example> raw, FeatureHasher hasher) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return raw.hasNext();
      }

      @Override
      public Example next() {
        Example example = raw.next();
        SparseVector x = example.x();
        long[] indices = Arrays.stream(x.indices()).asLongStream().toArray();
        return new Example(hasher.map(indices, x.values()), example.y());
      }
    };
  }
}
