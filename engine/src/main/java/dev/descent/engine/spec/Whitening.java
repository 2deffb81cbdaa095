package dev.descent.engine.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Input whitening, {@code dataset.whiten}: with the training part's mean {@code μ} and covariance
 * {@code Σ = U Λ Uᵀ}, {@code pca} maps {@code x ↦ (Λ + εI)^{-1/2} Uᵀ (x − μ)} (decorrelated components, largest
 * variance first), {@code zca} maps {@code x ↦ U (Λ + εI)^{-1/2} Uᵀ (x − μ)} (the symmetric whitening, closest to
 * the inputs: images stay images).
 */
public enum Whitening {
  PCA("pca"),
  ZCA("zca");

  public static final double DEFAULT_EPSILON = 1e-5;

  private final String wireName;

  Whitening(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  public static Optional<Whitening> byName(String name) {
    return Arrays.stream(values()).filter(w -> w.wireName.equals(name)).findFirst();
  }
}
