package dev.descent.engine.init;

import static dev.descent.engine.init.InitParam.GAIN;
import static dev.descent.engine.init.InitParam.K;
import static dev.descent.engine.init.InitParam.MAX_ITERATIONS;
import static dev.descent.engine.init.InitParam.MODE;
import static dev.descent.engine.init.InitParam.NEGATIVE_SLOPE;
import static dev.descent.engine.init.InitParam.NONLINEARITY;
import static dev.descent.engine.init.InitParam.SCALE;
import static dev.descent.engine.init.InitParam.TOLERANCE;

import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;

/**
 * The schemes a spec names, the fields each accepts, and how each is built from a validated spec. The last five are
 * the job spec's older names, kept as aliases.
 */
enum InitScheme {
  UNIFORM("uniform", List.of(SCALE), s -> new FanInUniformInit(s.scale())),
  XAVIER_UNIFORM("xavier_uniform", List.of(GAIN, SCALE), s -> xavier(Distribution.UNIFORM, s)),
  XAVIER_NORMAL("xavier_normal", List.of(GAIN, SCALE), s -> xavier(Distribution.NORMAL, s)),
  KAIMING_UNIFORM(
      "kaiming_uniform", List.of(MODE, NONLINEARITY, NEGATIVE_SLOPE, SCALE), s -> kaiming(Distribution.UNIFORM, s)),
  KAIMING_NORMAL(
      "kaiming_normal", List.of(MODE, NONLINEARITY, NEGATIVE_SLOPE, SCALE), s -> kaiming(Distribution.NORMAL, s)),
  LECUN_UNIFORM("lecun_uniform", List.of(SCALE), s -> new LecunInit(Distribution.UNIFORM, s.scale())),
  LECUN_NORMAL("lecun_normal", List.of(SCALE), s -> new LecunInit(Distribution.NORMAL, s.scale())),
  ORTHOGONAL("orthogonal", List.of(GAIN, SCALE), s -> orthogonal(s)),
  SPARSE("sparse", List.of(K, SCALE), s -> new SparseInit(s.k(), s.scale())),
  /** Orthogonal start; the data-dependent rescaling is {@link Lsuv}, applied after the network is built. */
  LSUV("lsuv", List.of(TOLERANCE, MAX_ITERATIONS), s -> new OrthogonalInit()),
  XAVIER("xavier", List.of(SCALE), s -> new XavierInit(Distribution.NORMAL, XavierInit.DEFAULT_GAIN, s.scale())),
  RELU("relu", List.of(SCALE), s -> kaiming(Distribution.NORMAL, s)),
  RELU_UNIFORM("relu_uniform", List.of(SCALE), s -> kaiming(Distribution.UNIFORM, s)),
  NORMAL("normal", List.of(SCALE), s -> new LecunInit(Distribution.NORMAL, s.scale())),
  ZERO("zero", List.of(), s -> new WeightInitConstant(0.0));

  private final String specName;
  private final List<InitParam> params;
  private final Function<WeightInitSpec, IWeightInit> factory;

  InitScheme(String specName, List<InitParam> params, Function<WeightInitSpec, IWeightInit> factory) {
    this.specName = specName;
    this.params = params;
    this.factory = factory;
  }

  String specName() {
    return specName;
  }

  List<InitParam> params() {
    return params;
  }

  IWeightInit create(WeightInitSpec spec) {
    return factory.apply(spec);
  }

  static InitScheme named(String name) {
    for (InitScheme scheme : values()) {
      if (scheme.specName.equals(name)) {
        return scheme;
      }
    }
    return null;
  }

  /** The gain a scheme that takes none, or a spec that gives none, uses. */
  double defaultGain() {
    return this == ORTHOGONAL ? OrthogonalInit.DEFAULT_GAIN : XavierInit.DEFAULT_GAIN;
  }

  private static IWeightInit xavier(Distribution distribution, WeightInitSpec spec) {
    return new XavierInit(distribution, spec.gain(), spec.scale());
  }

  private static IWeightInit kaiming(Distribution distribution, WeightInitSpec spec) {
    FanMode mode = FanMode.valueOf(spec.mode().toUpperCase());
    return new KaimingInit(distribution, mode, spec.nonlinearity(), spec.negativeSlope(), spec.scale());
  }

  private static IWeightInit orthogonal(WeightInitSpec spec) {
    return new OrthogonalInit(spec.gain(), spec.scale());
  }
}
