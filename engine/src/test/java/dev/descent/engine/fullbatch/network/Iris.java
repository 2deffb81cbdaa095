package dev.descent.engine.fullbatch.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Fisher's iris as the engine ships it ({@code datasets/iris.csv}), z-scored, one-hot labels, float64, full batch. */
final class Iris {
  static final String RESOURCE = "/datasets/iris.csv";

  private Iris() {}

  static DataSet load() throws IOException {
    List<String> lines;
    try (var in = Iris.class.getResourceAsStream(RESOURCE)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    String[] header = lines.get(0).split(",");
    int rows = Integer.parseInt(header[0]);
    int features = Integer.parseInt(header[1]);
    int classes = header.length - 2;
    double[][] x = new double[rows][features];
    double[][] y = new double[rows][classes];
    for (int r = 0; r < rows; r++) {
      String[] cells = lines.get(r + 1).split(",");
      for (int c = 0; c < features; c++) {
        x[r][c] = Double.parseDouble(cells[c]);
      }
      y[r][(int) Double.parseDouble(cells[features])] = 1;
    }
    INDArray features2d = Nd4j.create(x).castTo(DataType.DOUBLE);
    INDArray mean = features2d.mean(0);
    INDArray std = features2d.std(0);
    INDArray standardized = features2d.subRowVector(mean).divRowVector(std);
    return new DataSet(standardized, Nd4j.create(y).castTo(DataType.DOUBLE));
  }
}
