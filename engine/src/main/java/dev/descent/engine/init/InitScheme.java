package dev.descent.engine.init;

import static dev.descent.engine.init.InitParam.GAIN;
import static dev.descent.engine.init.InitParam.K;
import static dev.descent.engine.init.InitParam.MAX_ITERATIONS;
import static dev.descent.engine.init.InitParam.MODE;
import static dev.descent.engine.init.InitParam.NEGATIVE_SLOPE;
import static dev.descent.engine.init.InitParam.NONLINEARITY;
import static dev.descent.engine.init.InitParam.SCALE;
import static dev.descent.engine.init.InitParam.TOLERANCE;
import static dev.descent.engine.init.SeededWeightInit.DEFAULT_SCALE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitConstant;

/**
 * The schemes a spec names, the fields each accepts, and how each is built from a validated spec. The last five are
 * the job spec's older names, kept as aliases.
 */
enum InitScheme {
  UNIFORM("uniform", List.of(SCALE), s -> new FanInUniformInit(scale(s))),
  XAVIER_UNIFORM("xavier_uniform", List.of(GAIN, SCALE), s -> xavier(Distribution.UNIFORM, s)),
  XAVIER_NORMAL("xavier_normal", List.of(GAIN, SCALE), s -> xavier(Distribution.NORMAL, s)),
  KAIMING_UNIFORM(
      "kaiming_uniform", List.of(MODE, NONLINEARITY, NEGATIVE_SLOPE, SCALE), s -> kaiming(Distribution.UNIFORM, s)),
  KAIMING_NORMAL(
      "kaiming_normal", List.of(MODE, NONLINEARITY, NEGATIVE_SLOPE, SCALE), s -> kaiming(Distribution.NORMAL, s)),
  LECUN_UNIFORM("lecun_uniform", List.of(SCALE), s -> new LecunInit(Distribution.UNIFORM, scale(s))),
  LECUN_NORMAL("lecun_normal", List.of(SCALE), s -> new LecunInit(Distribution.NORMAL, scale(s))),
  ORTHOGONAL("orthogonal", List.of(GAIN, SCALE), s -> orthogonal(s)),
  SPARSE("sparse", List.of(K, SCALE), s -> new SparseInit((int) K.number(s, SparseInit.DEFAULT_K), scale(s))),
  /** Orthogonal start; the data-dependent rescaling is {@link Lsuv}, applied after the network is built. */
  LSUV("lsuv", List.of(TOLERANCE, MAX_ITERATIONS), s -> new OrthogonalInit()),
  XAVIER("xavier", List.of(SCALE), s -> new XavierInit(Distribution.NORMAL, XavierInit.DEFAULT_GAIN, scale(s))),
  RELU("relu", List.of(SCALE), s -> kaiming(Distribution.NORMAL, s)),
  RELU_UNIFORM("relu_uniform", List.of(SCALE), s -> kaiming(Distribution.UNIFORM, s)),
  NORMAL("normal", List.of(SCALE), s -> new LecunInit(Distribution.NORMAL, scale(s))),
  ZERO("zero", List.of(), s -> new WeightInitConstant(0.0));

  private final String specName;
  private final List<InitParam> params;
  private final Function<JsonNode, IWeightInit> factory;

  InitScheme(String specName, List<InitParam> params, Function<JsonNode, IWeightInit> factory) {
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

  IWeightInit create(JsonNode spec) {
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

  private static double scale(JsonNode spec) {
    return SCALE.number(spec, DEFAULT_SCALE);
  }

  private static IWeightInit xavier(Distribution distribution, JsonNode spec) {
    return new XavierInit(distribution, GAIN.number(spec, XavierInit.DEFAULT_GAIN), scale(spec));
  }

  private static IWeightInit kaiming(Distribution distribution, JsonNode spec) {
    FanMode mode = FanMode.valueOf(MODE.text(spec, "fan_in").toUpperCase());
    String nonlinearity = NONLINEARITY.text(spec, KaimingInit.DEFAULT_NONLINEARITY);
    double slope = NEGATIVE_SLOPE.number(spec, KaimingInit.DEFAULT_NEGATIVE_SLOPE);
    return new KaimingInit(distribution, mode, nonlinearity, slope, scale(spec));
  }

  private static IWeightInit orthogonal(JsonNode spec) {
    return new OrthogonalInit(GAIN.number(spec, OrthogonalInit.DEFAULT_GAIN), scale(spec));
  }
}
