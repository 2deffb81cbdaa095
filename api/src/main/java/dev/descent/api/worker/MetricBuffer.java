package dev.descent.api.worker;

import dev.descent.engine.spi.MetricPoint;
import dev.descent.engine.spi.MetricSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The training thread's metric sink: points go into a bounded queue that {@link MetricFlusher} drains in batches on
 * its own thread, so training never waits on the database. When the queue is full (the database fell far behind or
 * is down) {@link #record} blocks, which pauses training instead of losing history; each such wait is counted
 * ({@link #fullWaits}) and reported when the job ends. A batch handed out by {@link #nextBatch} stays the next batch
 * until {@link #written} confirms it, so a failed write is retried with the same points. Also keeps the latest value
 * of each metric for heartbeats.
 */
final class MetricBuffer implements MetricSink {
  static final int CAPACITY = 65_536;

  private final BlockingQueue<MetricPoint> queue;
  private final Map<String, Double> latest = new ConcurrentHashMap<>();
  private final AtomicLong fullWaits = new AtomicLong();
  private List<MetricPoint> unwritten = List.of();

  MetricBuffer() {
    this(CAPACITY);
  }

  MetricBuffer(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  @Override
  public void record(MetricPoint point) {
    latest.put(point.name(), point.value());
    if (queue.offer(point)) {
      return;
    }
    fullWaits.incrementAndGet();
    try {
      queue.put(point);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while buffering metrics", e);
    }
  }

  /** The oldest points not yet written: the batch handed out before if it was not confirmed, else up to max new. */
  synchronized List<MetricPoint> nextBatch(int max) {
    if (unwritten.isEmpty()) {
      List<MetricPoint> batch = new ArrayList<>(Math.min(max, queue.size()));
      queue.drainTo(batch, max);
      unwritten = batch;
    }
    return unwritten;
  }

  /** Confirms that the last batch from {@link #nextBatch} is stored. */
  synchronized void written() {
    unwritten = List.of();
  }

  synchronized boolean isEmpty() {
    return unwritten.isEmpty() && queue.isEmpty();
  }

  /** Points buffered and not yet confirmed written. */
  synchronized int size() {
    return unwritten.size() + queue.size();
  }

  /** How often the training thread found the buffer full and waited for the database. */
  long fullWaits() {
    return fullWaits.get();
  }

  Map<String, Double> latest() {
    return Map.copyOf(latest);
  }
}
