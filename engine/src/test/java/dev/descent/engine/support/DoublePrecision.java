package dev.descent.engine.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * For a test class ({@code @ExtendWith(DoublePrecision.class)}): ND4J's default data types are double before its
 * tests run, as gradient checks and bit-exact comparisons need.
 */
public final class DoublePrecision implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }
}
