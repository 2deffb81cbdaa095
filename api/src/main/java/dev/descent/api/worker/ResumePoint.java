package dev.descent.api.worker;

/** Where an attempt starts: after {@code step} updates, from {@code content} (a checkpoint), or from scratch. */
record ResumePoint(long step, byte[] content) {
  static final ResumePoint NONE = new ResumePoint(0, null);
}
