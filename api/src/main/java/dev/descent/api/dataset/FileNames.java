package dev.descent.api.dataset;

import java.util.regex.Pattern;

/**
 * The names an upload may give a file or its folder: 1 to {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 .
 * _ -}, not starting with {@code .} (so no {@code ..}, no hidden files, and nothing a shell or a path could read
 * differently).
 */
final class FileNames {
  static final int MAX_LENGTH = 128;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private FileNames() {}

  /** Throws {@link InvalidFileNameException} naming {@code parameter} when {@code value} is not a safe name. */
  static void check(String parameter, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidFileNameException(parameter, "must not be empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidFileNameException(parameter, "must be at most " + MAX_LENGTH + " characters");
    }
    if (value.startsWith(".")) {
      throw new InvalidFileNameException(parameter, "must not start with '.' (no '..', no hidden files)");
    }
    if (!SAFE.matcher(value).matches()) {
      throw new InvalidFileNameException(parameter,
          "'" + value + "' may use only letters, digits, '.', '_' and '-' (no '/', no absolute paths)");
    }
  }
}
