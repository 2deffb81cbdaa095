package dev.descent.api.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Bean conditions on {@code descent.roles}: {@link Trains} for the worker pool and what it drives, {@link NoApi} for
 * what a worker-only instance adds in place of the API. Both read the same {@link DescentProperties} the application
 * binds.
 */
public final class Roles {
  private Roles() {}

  /** Matches where this instance claims and trains jobs ({@link DescentProperties#trains()}). */
  public static final class Trains implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return properties(context).trains();
    }
  }

  /** Matches where this instance serves no API ({@code descent.roles=worker}). */
  public static final class NoApi implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !properties(context).servesApi();
    }
  }

  private static DescentProperties properties(ConditionContext context) {
    return Binder.get(context.getEnvironment()).bindOrCreate("descent", DescentProperties.class);
  }
}
