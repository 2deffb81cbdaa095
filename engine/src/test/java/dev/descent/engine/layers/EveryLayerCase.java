package dev.descent.engine.layers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test run once for every layer of {@link LayerCases#all}, named by the case; the method takes
 * {@code (String name, boolean conv, Supplier<Layer> layer)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("dev.descent.engine.layers.LayerCases#all")
@interface EveryLayerCase {}
