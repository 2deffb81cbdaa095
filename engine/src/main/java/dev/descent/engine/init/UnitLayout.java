package dev.descent.engine.init;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where each unit's incoming weights live in DL4J's flat parameter view. Dense weights have shape {@code [nIn,
 * nOut]} (units along dimension 1); convolution weights {@code [out, in, kh, kw]} (units along dimension 0, {@code in
 * · kh · kw} inputs each). The view is read as a matrix in the given order, {@code 'f'} or {@code 'c'}.
 */
record UnitLayout(int units, int inputs, boolean unitsAlongColumns, char order) {

  static UnitLayout of(long[] shape, char order) {
    if (shape.length == 1) {
      return new UnitLayout(1, Math.toIntExact(shape[0]), true, order);
    }
    if (shape.length == 2) {
      return new UnitLayout(Math.toIntExact(shape[1]), Math.toIntExact(shape[0]), true, order);
    }
    long inputs = 1;
    for (int d = 1; d < shape.length; d++) {
      inputs *= shape[d];
    }
    return new UnitLayout(Math.toIntExact(shape[0]), Math.toIntExact(inputs), false, order);
  }

  /** Writes {@code unitMajor[u·inputs + i]} (input {@code i} of unit {@code u}) times {@code scale} into the view. */
  void write(double[] unitMajor, double scale, INDArray paramView) {
    int rows = unitsAlongColumns ? inputs : units;
    int cols = unitsAlongColumns ? units : inputs;
    double[] flat = new double[unitMajor.length];
    for (int u = 0; u < units; u++) {
      for (int i = 0; i < inputs; i++) {
        int row = unitsAlongColumns ? i : u;
        int col = unitsAlongColumns ? u : i;
        int index = order == 'f' ? row + col * rows : row * cols + col;
        flat[index] = scale * unitMajor[u * inputs + i];
      }
    }
    INDArray values = Nd4j.createFromArray(flat).castTo(paramView.dataType());
    paramView.assign(values.reshape(paramView.shape()));
  }
}
