package dev.descent.engine.spec;

/**
 * Greedy layer-wise supervised pretraining ({@code /pretraining}; Bengio et al. 2007, "Greedy layer-wise training of
 * deep networks"; Goodfellow et al., Deep Learning §8.7.4): before the job's own {@code epochs}, stage k = 1..H (H
 * the model's hidden fully connected layers) trains the first k hidden layers under a temporary output layer for
 * {@code epochsPerLayer} epochs, the earlier k − 1 fine-tuned or, with {@code freezeEarlier}, frozen. {@code type}
 * is {@value #GREEDY_SUPERVISED}, the only kind so far.
 */
public record PretrainingSpec(String type, int epochsPerLayer, boolean freezeEarlier) {
  public static final String GREEDY_SUPERVISED = "greedy_supervised";
  public static final int DEFAULT_EPOCHS_PER_LAYER = 5;
}
