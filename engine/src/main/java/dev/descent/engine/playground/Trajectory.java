package dev.descent.engine.playground;

import java.util.List;

/** A playground response: the points after each step. */
public record Trajectory(List<TrajectoryPoint> points) {
  public Trajectory {
    points = List.copyOf(points);
  }
}
