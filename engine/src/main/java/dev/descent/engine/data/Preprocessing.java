package dev.descent.engine.data;

import dev.descent.engine.spec.DatasetSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a job does to its features before the network sees them, fitted on the training part only: standardization
 * ({@link Standardizer}, {@code dataset.standardize}), then whitening ({@link Whitener}, {@code dataset.whiten}) of the
 * standardized features; no steps leave rows as they are. {@link #bytes} / {@link #read} carry the fitted values
 * exactly; every training checkpoint stores them (entry {@value #ENTRY}), so predictions on raw rows apply the same
 * transform without refitting it.
 */
public final class Preprocessing {
  /** The checkpoint zip entry that holds {@link #bytes}. */
  public static final String ENTRY = "descent-preprocessing.bin";
  private static final int FORMAT = 1;

  private final List<FeatureStep> steps;

  private Preprocessing(List<FeatureStep> steps) {
    this.steps = steps;
  }

  /** The steps {@code spec} asks for, fitted on {@code train}. */
  public static Preprocessing fit(DatasetSpec spec, Samples train) {
    List<FeatureStep> steps = new ArrayList<>();
    Samples fitted = train;
    if (spec.standardize()) {
      Standardizer standardizer = Standardizer.fit(train);
      steps.add(standardizer);
      fitted = new Preprocessing(List.of(standardizer)).apply(train);
    }
    if (spec.whiten() != null) {
      steps.add(Whitener.fit(fitted, spec.whiten(), spec.whitenEpsilon()));
    }
    return new Preprocessing(List.copyOf(steps));
  }

  public Samples apply(Samples samples) {
    return steps.isEmpty() ? samples : samples.withFeatures(apply(samples.features()));
  }

  /** The rows transformed (new arrays), or {@code rows} themselves when there are no steps. */
  public float[][] apply(float[][] rows) {
    if (steps.isEmpty()) {
      return rows;
    }
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      float[] row = rows[i];
      for (FeatureStep step : steps) {
        row = step.apply(row);
      }
      out[i] = row;
    }
    return out;
  }

  /** The fitted values, bit for bit. */
  public byte[] bytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeInt(steps.size());
      for (FeatureStep step : steps) {
        step.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The preprocessing {@link #bytes} wrote. */
  public static Preprocessing read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IOException("unknown preprocessing format " + format);
      }
      List<FeatureStep> steps = new ArrayList<>();
      for (int count = in.readInt(); steps.size() < count; ) {
        steps.add(FeatureStep.read(in));
      }
      return new Preprocessing(List.copyOf(steps));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored preprocessing", e);
    }
  }

  /** The steps, for tests. */
  List<FeatureStep> steps() {
    return steps;
  }
}
