package dev.descent.engine;

import dev.descent.engine.spi.CancellationToken;
import dev.descent.engine.spi.CheckpointSink;
import dev.descent.engine.spi.MetricSink;
import dev.descent.engine.spi.ProgressSink;
import dev.descent.engine.spi.RuleSink;

/**
 * What a training run talks to. {@code resumeFrom} is a checkpoint's content (model zip) to continue from, or null to
 * start fresh; {@code jobId} names the job in the engine's log lines (null: none); {@code rules} hears the firings of
 * the job's rules; {@code initFrom} is the content of the checkpoint a warm-started job ({@code init}) starts from,
 * read only when the run starts fresh (null: none, or not needed because the run resumes); {@code curriculumFrom} is
 * the content of the checkpoint whose network scores a curriculum's examples ({@code curriculum.scoredBy} a job), also
 * read only when the run starts fresh (a resumed run reads the order from its own checkpoint); {@code pauseLost} says
 * that the job never took a pause its {@code resumeFrom} was taken for (its worker was lost in between), so the run
 * pauses there again at once instead of training past it.
 */
public record TrainingContext(
    MetricSink metrics,
    CheckpointSink checkpoints,
    ProgressSink progress,
    CancellationToken cancellation,
    byte[] resumeFrom,
    String jobId,
    RuleSink rules,
    byte[] initFrom,
    byte[] curriculumFrom,
    boolean pauseLost) {

  /** A context whose job took every pause it checkpointed for. */
  public TrainingContext(MetricSink metrics, CheckpointSink checkpoints, ProgressSink progress,
      CancellationToken cancellation, byte[] resumeFrom, String jobId, RuleSink rules, byte[] initFrom,
      byte[] curriculumFrom) {
    this(metrics, checkpoints, progress, cancellation, resumeFrom, jobId, rules, initFrom, curriculumFrom, false);
  }

  /** A context without a warm-start source. */
  public TrainingContext(MetricSink metrics, CheckpointSink checkpoints, ProgressSink progress,
      CancellationToken cancellation, byte[] resumeFrom, String jobId, RuleSink rules) {
    this(metrics, checkpoints, progress, cancellation, resumeFrom, jobId, rules, null, null);
  }

  /** This context with the warm-start source {@code content}. */
  public TrainingContext withInitFrom(byte[] content) {
    return new TrainingContext(metrics, checkpoints, progress, cancellation, resumeFrom, jobId, rules, content,
        curriculumFrom, pauseLost);
  }

  /** This context with the curriculum's scoring checkpoint {@code content}. */
  public TrainingContext withCurriculumFrom(byte[] content) {
    return new TrainingContext(metrics, checkpoints, progress, cancellation, resumeFrom, jobId, rules, initFrom,
        content, pauseLost);
  }

  /** This context for a job that never took the pause its checkpoint {@code resumeFrom} was taken for. */
  public TrainingContext withPauseLost() {
    return new TrainingContext(metrics, checkpoints, progress, cancellation, resumeFrom, jobId, rules, initFrom,
        curriculumFrom, true);
  }

  /** A context that drops rule firings. */
  public TrainingContext(MetricSink metrics, CheckpointSink checkpoints, ProgressSink progress,
      CancellationToken cancellation, byte[] resumeFrom, String jobId) {
    this(metrics, checkpoints, progress, cancellation, resumeFrom, jobId, RuleSink.NONE);
  }

  /** A context without a job id. */
  public TrainingContext(MetricSink metrics, CheckpointSink checkpoints, ProgressSink progress,
      CancellationToken cancellation, byte[] resumeFrom) {
    this(metrics, checkpoints, progress, cancellation, resumeFrom, null);
  }

  public static TrainingContext silent() {
    return new TrainingContext(
        MetricSink.NONE, CheckpointSink.NONE, ProgressSink.NONE, CancellationToken.NEVER, null);
  }
}
