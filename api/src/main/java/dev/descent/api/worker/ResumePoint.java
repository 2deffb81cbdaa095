package dev.descent.api.worker;

/**
 * Where an attempt starts: after {@code step} updates, from {@code content} (a checkpoint that attempt {@code attempt}
 * stored), or from scratch.
 */
record ResumePoint(long step, int attempt, byte[] content) {
  static final ResumePoint NONE = new ResumePoint(0, 0, null);
}
