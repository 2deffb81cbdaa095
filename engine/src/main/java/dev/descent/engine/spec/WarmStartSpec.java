package dev.descent.engine.spec;

import java.util.List;

/**
 * A warm start ({@code /init}): the job's fresh network gets the parameters of {@code layers} (indexes into the
 * spec's {@code model.layers}; all of them unless given) from checkpoint {@code checkpoint} ({@code best},
 * {@code final} or a checkpoint id) of job {@code fromJob}; the layers in {@code freeze} (a subset of
 * {@code layers}) keep those parameters for the whole run. The engine never reads the source itself: the service
 * resolves it at submit, stores the resolved checkpoint id in {@code checkpoint}, and hands its content to the engine
 * ({@code TrainingContext.initFrom}).
 */
public record WarmStartSpec(String fromJob, String checkpoint, List<Integer> layers, List<Integer> freeze) {
  public static final String BEST = "best";
  public static final String FINAL = "final";

  public WarmStartSpec {
    layers = layers == null ? List.of() : List.copyOf(layers);
    freeze = freeze == null ? List.of() : List.copyOf(freeze);
  }

  /** This warm start with {@code checkpoint} replaced by the id it resolved to. */
  public WarmStartSpec resolved(String checkpointId) {
    return new WarmStartSpec(fromJob, checkpointId, layers, freeze);
  }

  /** "job X checkpoint Y (layers [..], frozen [..])", for the job's timeline. */
  public String describe() {
    return "initialised from job " + fromJob + " checkpoint " + checkpoint + " (layers " + layers + ", frozen "
        + freeze + ")";
  }
}
