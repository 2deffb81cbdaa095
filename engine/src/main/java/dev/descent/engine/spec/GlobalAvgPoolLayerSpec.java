package dev.descent.engine.spec;

import dev.descent.engine.validation.Violation;
import java.util.Optional;

/** Global average pooling: each channel of an image becomes its mean over all positions; no parameters. */
public record GlobalAvgPoolLayerSpec() implements LayerSpec {
  public static final String TYPE = "globalavgpool";

  @Override
  public Shape outputShape(Shape input) {
    return Shape.flat(input.channels());
  }

  @Override
  public Optional<Violation> checkInput(Shape input, String at) {
    return input.image()
        ? Optional.empty() : Optional.of(new Violation(at + "/type", "needs image input"));
  }

  @Override
  public boolean spatial() {
    return true;
  }
}
