package dev.descent.engine.fullbatch.core;

/**
 * What one outer step did. {@code f} and {@code g} are taken at the point the step started from (PyTorch's
 * {@code step} returns that loss), {@code x} is the point it ended at.
 *
 * @param t the number of outer steps this optimizer has taken, this one included
 * @param x the point after the step
 * @param f the loss at the start point
 * @param g the gradient at the start point
 * @param gradNorm ‖g‖₂
 * @param evaluations function evaluations this step made, the first one included
 * @param lineSearchEvaluations the evaluations of those spent inside line searches
 * @param iterations inner iterations run
 * @param stepSize the length t of the last move x ← x + t·d this step made; 0 when it made none
 * @param stop why the step ended
 */
public record StepRecord(
    long t,
    double[] x,
    double f,
    double[] g,
    double gradNorm,
    int evaluations,
    int lineSearchEvaluations,
    int iterations,
    double stepSize,
    StopReason stop) {}
