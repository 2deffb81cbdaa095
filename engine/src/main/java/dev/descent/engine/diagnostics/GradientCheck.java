package dev.descent.engine.diagnostics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.descent.engine.data.Samples;
import dev.descent.engine.data.TrainingData;
import dev.descent.engine.data.files.DataFolder;
import dev.descent.engine.model.NetworkFactory;
import dev.descent.engine.spec.SpecParser;
import dev.descent.engine.validation.SpecException;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The seed's "always check your analytic gradient" for a model spec:
 *
 * <pre>
 * {"model": {…as in a job…}, "dataset": {…as in a job…}, "rows": 16}
 *   or {"model": …, "inputs": [[…]], "labels": [[…]]}
 *   + "epsilon": 1e-6, "samples": 100, "tolerance": 1e-5, "seed": 42
 * </pre>
 *
 * A fresh network is built from the spec as a job builds it (weights seeded by {@code seed}, no bias init or LSUV), in
 * double precision (the configuration's data type; ND4J's global defaults are left alone), and every parameter block
 * is checked by {@link CentralDifferences}: all its entries when it has at most {@code samples}, else {@code samples}
 * drawn by the seed; a request whose blocks would need more than {@code maxEntries} entries in all is refused at
 * {@code /samples}. Requests are bounded by {@link GradientCheckLimits}; invalid ones throw {@link SpecException}
 * naming every field. Dropout is refused ({@code dropout} > 0 or a {@code dropout} layer).
 */
public final class GradientCheck {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private final GradientCheckLimits limits;
  private final DataFolder data;

  public GradientCheck(GradientCheckLimits limits, DataFolder data) {
    this.limits = limits;
    this.data = data;
  }

  /** The check a raw JSON request asks for; malformed JSON is a {@link SpecException} at pointer "". */
  public GradientCheckResult run(String requestJson) {
    try {
      return run(JSON.readTree(requestJson == null ? "" : requestJson));
    } catch (JsonProcessingException e) {
      throw new SpecException("", "malformed JSON: " + e.getOriginalMessage());
    }
  }

  public GradientCheckResult run(JsonNode request) {
    GradientCheckRequest read = new GradientCheckReader(limits, data).read(request);
    MultiLayerNetwork net = network(read);
    long entries = CentralDifferences.entries(net, read.settings().samples());
    if (entries > limits.maxEntries()) {
      throw new SpecException("/samples", "the check would take " + entries + " entries, more than the limit of "
          + limits.maxEntries() + "; check fewer per block");
    }
    DataSet batch = batch(read);
    List<BlockCheck> blocks = CentralDifferences.check(net, batch, read.settings());
    return new GradientCheckResult(SpecParser.parameterCount(read.spec()), batch.numExamples(),
        read.settings().epsilon(), read.settings().tolerance(), blocks,
        blocks.stream().allMatch(BlockCheck::passed));
  }

  static MultiLayerNetwork network(GradientCheckRequest request) {
    MultiLayerConfiguration configuration = NetworkFactory.configuration(request.spec(), 1);
    configuration.setDataType(DataType.DOUBLE);
    MultiLayerNetwork net = new MultiLayerNetwork(configuration);
    net.init();
    return net;
  }

  static DataSet batch(GradientCheckRequest request) {
    if (request.inputs() != null) {
      return new DataSet(Nd4j.createFromArray(request.inputs()), Nd4j.createFromArray(request.labels()));
    }
    long seed = request.spec().seed();
    Samples samples = TrainingData.prepare(request.spec().dataset(), seed).train().sample(request.rows(), seed);
    DataSet floats = samples.toDataSet();
    return new DataSet(floats.getFeatures().castTo(DataType.DOUBLE), floats.getLabels().castTo(DataType.DOUBLE));
  }
}
