package dev.descent.engine.playground;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a trajectory: {@code t} counts steps from 1, {@code x} is the point after the step, {@code f = f(x)},
 * {@code g} the gradient at the point the step started from. {@code ax} is the Polyak average after the step, for
 * averaging methods (ASGD) only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrajectoryPoint(int t, double[] x, double f, double[] g, double[] ax) {}
