package dev.descent.engine.online.input;

/** Turns one text row of a data file into an example; throws {@link IllegalArgumentException} naming what is wrong. */
@FunctionalInterface
public interface RowParser {
  Example parse(String line);
}
