package dev.descent.engine.init;

/** Which fan a variance-scaling scheme preserves: the forward pass's ({@code FAN_IN}) or the backward's. */
public enum FanMode {
  FAN_IN,
  FAN_OUT;

  double of(double fanIn, double fanOut) {
    return this == FAN_IN ? fanIn : fanOut;
  }
}
