package dev.descent.api.worker;

import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The training thread's metric sink: points go into a bounded queue that {@link MetricFlusher} drains in batches on
 * its own thread, so training never waits on the database. Only when the queue is full (the database fell far
 * behind) does {@link #record} block, which slows training instead of losing history. Also keeps the latest value of
 * each metric for heartbeats.
 */
final class MetricBuffer implements MetricSink {
  static final int CAPACITY = 65_536;

  private final BlockingQueue<MetricPoint> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Map<String, Double> latest = new ConcurrentHashMap<>();

  @Override
  public void record(MetricPoint point) {
    latest.put(point.name(), point.value());
    try {
      queue.put(point);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while buffering metrics", e);
    }
  }

  /** Takes up to {@code max} buffered points, oldest first. */
  List<MetricPoint> drain(int max) {
    List<MetricPoint> batch = new ArrayList<>(Math.min(max, queue.size()));
    queue.drainTo(batch, max);
    return batch;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  Map<String, Double> latest() {
    return Map.copyOf(latest);
  }
}
