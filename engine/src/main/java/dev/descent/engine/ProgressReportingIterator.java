package dev.descent.engine;

import dev.descent.engine.spi.Progress;
import dev.descent.engine.spi.ProgressSink;
import java.util.Iterator;

/**
 * Reports progress as the trainer pulls samples: when sample {@code t + 1} is taken, {@code t} are done (trained on,
 * or skipped on resumption because a checkpoint holds them).
 */
final class ProgressReportingIterator<T> implements Iterator<T> {
  private final Iterator<T> source;
  private final long total;
  private final ProgressSink sink;
  private long taken;

  ProgressReportingIterator(Iterator<T> source, long total, ProgressSink sink) {
    this.source = source;
    this.total = total;
    this.sink = sink;
  }

  static Progress progress(long done, long total) {
    return new Progress(done >= total ? 1 : 0, 1, done, total, total == 0 ? 1.0 : done / (double) total);
  }

  @Override
  public boolean hasNext() {
    return source.hasNext();
  }

  @Override
  public T next() {
    sink.progress(progress(taken, total));
    taken++;
    return source.next();
  }
}
