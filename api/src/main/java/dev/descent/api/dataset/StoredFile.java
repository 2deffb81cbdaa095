package dev.descent.api.dataset;

/**
 * A file of the data folder: its path relative to the folder ({@code clicks.svm}, {@code mnist/…}), size in bytes
 * and hex SHA-256; {@code created} when an upload made it new.
 */
public record StoredFile(String name, long size, String sha256, boolean created) {}
