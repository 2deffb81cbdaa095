package dev.descent.api.dataset;

/** No file of that name in the data folder; answered with 404. */
public final class DatasetFileNotFoundException extends RuntimeException {
  DatasetFileNotFoundException(String name) {
    super("no file " + name + " in the data folder");
  }
}
