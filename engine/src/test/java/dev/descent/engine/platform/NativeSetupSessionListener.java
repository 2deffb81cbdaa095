package dev.descent.engine.platform;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the native platform before any test class loads ND4J, as the service's main class does for
 * {@code java -jar}: the tests run on the libnd4j build and OpenBLAS kernel users get. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public class NativeSetupSessionListener implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    NativeSetup.ensure();
  }
}
