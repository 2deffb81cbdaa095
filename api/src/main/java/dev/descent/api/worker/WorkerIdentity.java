package dev.descent.api.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;

/**
 * This process's claimant id in the queue, shown in job timelines ("claimed by …"): {@code descent.worker.id} when
 * set, else host, pid and a random suffix, unique per start (e.g. {@code node-3:41233:9f2c01ab}).
 */
final class WorkerIdentity {
  private WorkerIdentity() {}

  static String of(String configured) {
    return configured == null || configured.isBlank() ? create() : configured.strip();
  }

  static String create() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "localhost";
    }
    long pid = ManagementFactory.getRuntimeMXBean().getPid();
    return host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
  }
}
