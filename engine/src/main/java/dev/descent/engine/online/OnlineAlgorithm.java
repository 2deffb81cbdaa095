package dev.descent.engine.online;

import static dev.descent.engine.online.Hyperparameter.Range.NON_NEGATIVE;
import static dev.descent.engine.online.Hyperparameter.Range.POSITIVE;
import static dev.descent.engine.online.Hyperparameter.Range.POSITIVE_INTEGER;

import java.util.List;

/** The algorithms an online spec names, their hyperparameters with defaults, and how each is built. */
enum OnlineAlgorithm {
  OGD("ogd", List.of(Defaults.ETA)) {
    @Override
    OnlineLearner create(LearnerSpec spec, int dimension) {
      return new OnlineGradientDescent(dimension, Defaults.ETA.read(spec));
    }
  },
  TG("tg", List.of(Defaults.ETA, Defaults.K, Defaults.GRAVITY, Defaults.THETA)) {
    @Override
    OnlineLearner create(LearnerSpec spec, int dimension) {
      TruncatedGradient.Truncation truncation = TruncatedGradient.Truncation.valueOf(spec.truncation().toUpperCase());
      return new TruncatedGradient(
          dimension,
          Defaults.ETA.read(spec),
          (int) Defaults.K.read(spec),
          Defaults.GRAVITY.read(spec),
          Defaults.THETA.read(spec),
          truncation);
    }
  },
  FOBOS("fobos", List.of(Defaults.ETA, Defaults.L1)) {
    @Override
    OnlineLearner create(LearnerSpec spec, int dimension) {
      return new FobosL1(dimension, Defaults.ETA.read(spec), Defaults.L1.read(spec));
    }
  },
  RDA("rda", List.of(Defaults.L1, Defaults.GAMMA)) {
    @Override
    OnlineLearner create(LearnerSpec spec, int dimension) {
      return new RdaL1(dimension, Defaults.L1.read(spec), Defaults.GAMMA.read(spec));
    }
  },
  FTRL("ftrl", List.of(Defaults.ALPHA, Defaults.BETA, Defaults.L1, Defaults.L2)) {
    @Override
    OnlineLearner create(LearnerSpec spec, int dimension) {
      return new FtrlProximal(
          dimension,
          Defaults.ALPHA.read(spec),
          Defaults.BETA.read(spec),
          Defaults.L1.read(spec),
          Defaults.L2.read(spec));
    }
  };

  /** Truncated gradient's extra, non-numeric field: {@code "gradual"} (default) or {@code "simple"}. */
  static final String TRUNCATION = "truncation";

  static final String GRADUAL = "gradual";

  private final String specName;
  private final List<Hyperparameter> hyperparameters;

  OnlineAlgorithm(String specName, List<Hyperparameter> hyperparameters) {
    this.specName = specName;
    this.hyperparameters = hyperparameters;
  }

  abstract OnlineLearner create(LearnerSpec spec, int dimension);

  String specName() {
    return specName;
  }

  List<Hyperparameter> hyperparameters() {
    return hyperparameters;
  }

  static OnlineAlgorithm named(String name) {
    for (OnlineAlgorithm algorithm : values()) {
      if (algorithm.specName.equals(name)) {
        return algorithm;
      }
    }
    return null;
  }

  /** Defaults: regularization off, step sizes as in the papers' experiments. */
  private static final class Defaults {
    static final Hyperparameter ETA = new Hyperparameter("eta", 0.5, POSITIVE);
    static final Hyperparameter K = new Hyperparameter("k", 10, POSITIVE_INTEGER);
    static final Hyperparameter GRAVITY = new Hyperparameter("gravity", 0.0, NON_NEGATIVE);
    static final Hyperparameter THETA = new Hyperparameter("theta", Double.POSITIVE_INFINITY, NON_NEGATIVE);
    static final Hyperparameter L1 = new Hyperparameter("l1", 0.0, NON_NEGATIVE);
    static final Hyperparameter L2 = new Hyperparameter("l2", 0.0, NON_NEGATIVE);
    static final Hyperparameter GAMMA = new Hyperparameter("gamma", 1.0, POSITIVE);
    static final Hyperparameter ALPHA = new Hyperparameter("alpha", 0.1, POSITIVE);
    static final Hyperparameter BETA = new Hyperparameter("beta", 1.0, NON_NEGATIVE);
  }
}
