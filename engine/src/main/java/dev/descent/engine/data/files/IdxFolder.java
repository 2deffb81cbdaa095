package dev.descent.engine.data.files;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of IDX files in the MNIST layout inside the {@link DataFolder}: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each plain or
 * gzipped ({@code .gz}), also spelt {@code train-images.idx3-ubyte}; images may be {@code idx4} (N×H×W×C).
 * Opening it reads the image headers and the labels only, and checks what a job needs: the files exist, are
 * unsigned-byte IDX files, images are N×H×W or N×H×W×C with one label per image, both parts have the same image shape.
 *
 * @param imageSize C×H×W of one image (C = 1 for N×H×W files)
 * @param maxLabel the largest label of either part
 */
public record IdxFolder(Path trainImages, Path trainLabels, Path testImages, Path testLabels, ImageSize imageSize,
    int trainCount, int testCount, int maxLabel) {
  /** The most values one image may have. */
  public static final int MAX_IMAGE_VALUES = 1 << 20;
  private static final int INT_BYTES = 4;

  /** Channels × height × width of one image. */
  public record ImageSize(int channels, int height, int width) {
    /** Values per image. */
    public long values() {
      return (long) channels * height * width;
    }
  }

  /** Why a folder cannot be used; the message is meant for the user (it names no server path). */
  public static final class Problem extends Exception {
    Problem(String message) {
      super(message);
    }
  }

  /** Opens {@code folder}, a path relative to the data folder {@code data}. */
  public static IdxFolder open(String folder, DataFolder data) throws Problem {
    Path dir = data.resolve(folder).orElseThrow(() -> new Problem(
        "'" + folder + "' is not a folder inside the data folder"));
    if (!Files.isDirectory(dir)) {
      throw new Problem("no folder '" + folder + "' in the data folder");
    }
    Path trainImages = find(dir, "train-images", 3, 4);
    Path trainLabels = find(dir, "train-labels", 1, 1);
    Path testImages = find(dir, "t10k-images", 3, 4);
    Path testLabels = find(dir, "t10k-labels", 1, 1);
    IdxHeader train = images(trainImages);
    IdxHeader test = images(testImages);
    ImageSize shape = shape(train);
    if (!shape.equals(shape(test))) {
      throw new Problem(name(testImages) + " holds " + describe(shape(test)) + " images, "
          + name(trainImages) + " " + describe(shape));
    }
    int trainMax = maxLabel(trainLabels, train.items(), trainImages);
    int testMax = maxLabel(testLabels, test.items(), testImages);
    return new IdxFolder(trainImages, trainLabels, testImages, testLabels, shape, train.items(), test.items(),
        Math.max(trainMax, testMax));
  }

  /** The first file present among the accepted spellings of {@code stem}. */
  private static Path find(Path dir, String stem, int minDims, int maxDims) throws Problem {
    for (int d = minDims; d <= maxDims; d++) {
      for (String separator : List.of("-", ".")) {
        for (String suffix : List.of("", ".gz")) {
          Path file = dir.resolve(stem + separator + "idx" + d + "-ubyte" + suffix);
          if (Files.isRegularFile(file)) {
            return file;
          }
        }
      }
    }
    throw new Problem("the folder has no " + stem + "-idx" + minDims + "-ubyte (plain or .gz)");
  }

  private static IdxHeader images(Path file) throws Problem {
    IdxHeader header = header(file);
    int dims = header.dimensions().length;
    if (dims != 3 && dims != 4) {
      throw new Problem(name(file) + ": images must be N×H×W or N×H×W×C, not " + dims + "-dimensional");
    }
    if (header.items() == 0) {
      throw new Problem(name(file) + " holds no images");
    }
    if (header.itemSize() < 0 || header.itemSize() > MAX_IMAGE_VALUES) {
      throw new Problem(name(file) + ": images of more than " + MAX_IMAGE_VALUES + " values");
    }
    checkLength(file, header);
    return header;
  }

  private static IdxHeader header(Path file) throws Problem {
    try {
      return IdxHeader.read(file);
    } catch (IOException e) {
      throw new Problem(e.getMessage() != null && e.getMessage().startsWith(name(file)) ? e.getMessage()
          : "cannot read " + name(file));
    }
  }

  /** A plain file must hold all the bytes its header announces (a gzipped one is checked when loaded). */
  private static void checkLength(Path file, IdxHeader header) throws Problem {
    long expected = INT_BYTES * (1L + header.dimensions().length) + (long) header.items() * header.itemSize();
    try {
      if (!IdxHeader.isGzipped(file) && Files.size(file) < expected) {
        throw new Problem(name(file) + " is truncated: " + Files.size(file) + " bytes, its header announces "
            + expected);
      }
    } catch (IOException e) {
      throw new Problem("cannot read " + name(file));
    }
  }

  /** Reads the labels; their count must equal the images'. */
  private static int maxLabel(Path file, int images, Path imageFile) throws Problem {
    try (DataInputStream in = IdxHeader.open(file)) {
      IdxHeader header = IdxHeader.read(in, file);
      if (header.dimensions().length != 1) {
        throw new Problem(name(file) + ": labels must be a 1-dimensional IDX file");
      }
      if (header.items() != images) {
        throw new Problem(name(file) + " holds " + header.items() + " labels but " + name(imageFile) + " "
            + images + " images");
      }
      byte[] labels = new byte[header.items()];
      in.readFully(labels);
      int max = 0;
      for (byte label : labels) {
        max = Math.max(max, label & 0xff);
      }
      return max;
    } catch (EOFException e) {
      throw new Problem(name(file) + " is truncated");
    } catch (IOException e) {
      throw new Problem(e.getMessage() != null && e.getMessage().startsWith(name(file)) ? e.getMessage()
          : "cannot read " + name(file));
    }
  }

  /** C×H×W of one image: N×H×W files have one channel, N×H×W×C ones C. */
  private static ImageSize shape(IdxHeader header) {
    int[] d = header.dimensions();
    return new ImageSize(d.length == 4 ? d[3] : 1, d[1], d[2]);
  }

  private static String describe(ImageSize s) {
    return s.channels() + "×" + s.height() + "×" + s.width();
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
