package dev.descent.api.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;

/** This process's claimant id in the queue: host, pid and a random suffix, unique per start. */
final class WorkerIdentity {
  private WorkerIdentity() {}

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
