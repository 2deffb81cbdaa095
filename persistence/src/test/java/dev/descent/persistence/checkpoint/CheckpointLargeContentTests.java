package dev.descent.persistence.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.descent.persistence.PostgresIntegrationTest;
import dev.descent.persistence.job.JobService;
import dev.descent.persistence.job.NewJob;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A 120 MB checkpoint streams in and out without the heap holding it several times. */
class CheckpointLargeContentTests extends PostgresIntegrationTest {
  private static final long SIZE = 120L << 20;

  @Autowired CheckpointStore store;
  @Autowired JobService jobs;

  @Test
  void hundredTwentyMegabytesRoundTripWithBoundedHeap() throws Exception {
    UUID jobId = jobs.create(new NewJob("large", "{}", 0, 3)).id();
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    System.gc();
    long before = heapPeakAfterReset();

    CheckpointInfo saved = store.save(jobId, 1, "final", 1, 1, new PatternStream(SIZE, written), SIZE, Map.of());
    boolean found = store.openContent(jobId, saved.id(), new DigestOutputStream(OutputStream.nullOutputStream(), read));
    long peak = heapPeak();

    String expected = HexFormat.of().formatHex(written.digest());
    assertThat(found).isTrue();
    assertThat(saved.sizeBytes()).isEqualTo(SIZE);
    assertThat(saved.sha256()).isEqualTo(expected);
    assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(expected);
    System.out.printf("120 MB checkpoint: heap peak %d MB (before %d MB)%n", peak >> 20, before >> 20);
    assertThat(peak - before).isLessThan(3 * SIZE);
  }

  private static long heapPeakAfterReset() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    return heapPeak();
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }

  /** {@code size} deterministic bytes, generated on demand and hashed into {@code digest} as they are read. */
  private static final class PatternStream extends InputStream {
    private final long size;
    private final MessageDigest digest;
    private long position;

    PatternStream(long size, MessageDigest digest) {
      this.size = size;
      this.digest = digest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - position);
      for (int i = 0; i < n; i++) {
        long p = position + i;
        buffer[offset + i] = (byte) (p * 31 + (p >>> 13));
      }
      digest.update(buffer, offset, n);
      position += n;
      return n;
    }
  }
}
