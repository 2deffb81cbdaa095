/**
 * Residual (identity skip) blocks inside a {@code MultiLayerNetwork}: {@link
 * dev.descent.engine.layers.residual.ResidualBlock} holds a list of ordinary DL4J layer configurations F and computes
 * {@code act(x + F(x))} (He, Zhang, Ren &amp; Sun 2016, "Deep Residual Learning for Image Recognition",
 * arXiv:1512.03385, eq. 1). The block's parameters are the inner layers' parameters, concatenated; each inner layer
 * gets a view of the block's slice of the network's parameter and gradient vectors ({@link
 * dev.descent.engine.layers.residual.ResidualParamInitializer}), so DL4J's updater, {@code ModelSerializer}, our
 * averages and full-batch methods see one flat vector as for any layer.
 */
package dev.descent.engine.layers.residual;
