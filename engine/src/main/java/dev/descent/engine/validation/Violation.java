package dev.descent.engine.validation;

/** One thing wrong with a spec: where (an RFC 6901 JSON pointer such as {@code /optimizer/lr}) and what. */
public record Violation(String pointer, String message) {}
