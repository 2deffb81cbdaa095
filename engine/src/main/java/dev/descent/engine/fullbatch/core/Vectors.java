package dev.descent.engine.fullbatch.core;

/** Float64 vector arithmetic on flat arrays, summed left to right. */
public final class Vectors {
  private Vectors() {}

  public static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  public static double maxAbs(double[] a) {
    double max = 0;
    for (double v : a) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  public static double sumAbs(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += Math.abs(v);
    }
    return sum;
  }

  /** y ← y + alpha·x, in place. */
  public static void addScaled(double[] y, double alpha, double[] x) {
    for (int i = 0; i < y.length; i++) {
      y[i] += alpha * x[i];
    }
  }

  /** x + alpha·d as a new array. */
  public static double[] plusScaled(double[] x, double alpha, double[] d) {
    double[] out = x.clone();
    addScaled(out, alpha, d);
    return out;
  }

  /** alpha·x as a new array. */
  public static double[] scaled(double alpha, double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = alpha * x[i];
    }
    return out;
  }

  /** a − b as a new array. */
  public static double[] minus(double[] a, double[] b) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] - b[i];
    }
    return out;
  }
}
