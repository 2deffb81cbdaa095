package dev.descent.engine.spec;

/** Inverted dropout: during training each activation is zeroed with probability {@code rate}, the rest scaled up. */
public record DropoutLayerSpec(double rate) implements LayerSpec {
  public static final String TYPE = "dropout";
}
