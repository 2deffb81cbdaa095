package dev.descent.engine.optim;

/**
 * The settings every per-minibatch optimizer object may hold besides its own: {@code weight_decay} (0 where the type
 * takes none: rprop), {@code clip_grad_norm} / {@code clip_grad_value} ({@link GradientClipping}) and
 * {@code grad_noise} (null for none).
 */
public record CommonSettings(double weightDecay, GradientClipping clipping, GradNoise noise) {
  /** Annealed Gaussian gradient noise (Neelakantan et al. 2015): variance η/(1 + t)^γ, seeded. */
  public record GradNoise(double eta, double gamma, long seed) {}
}
