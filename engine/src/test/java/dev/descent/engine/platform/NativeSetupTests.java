package dev.descent.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The choice made for this test JVM (by {@link NativeSetupSessionListener}, before ND4J loaded) is what runs. */
class NativeSetupTests {
  @Test
  void theChosenBuildSuitsThisCpuAndIsTheOneLoaded() {
    NativePlatform platform = NativeSetup.ensure();
    CpuInfo cpu = CpuInfo.current();
    assertThat(cpu.hasAll(platform.build().requires())).isTrue();
    if (cpu.hasAll(CpuInfo.AVX512)) {
      assertThat(platform.build()).isEqualTo(NativeBuild.ONEDNN_AVX512);
    } else if (cpu.hasAll(CpuInfo.AVX2)) {
      assertThat(platform.build()).isEqualTo(NativeBuild.ONEDNN_AVX2);
    }
    assertThat(NativePlatform.loadedBuild()).isEqualTo(platform.build().label());
    assertThat(platform.describeLoaded()).contains("nd4j_build=" + platform.build().label());
  }

  @Test
  void openBlasRunsAKernelForThisCpuNotItsSse3Fallback() {
    NativeSetup.ensure().describeLoaded();
    String core = BlasKernels.loadedCore();
    assertThat(core).isNotBlank().doesNotContain("unknown", "not loaded");
    if (CpuInfo.current().hasAll(CpuInfo.AVX2)) {
      assertThat(core).isNotIn("Prescott", "Core2", "Nehalem");
    }
    BlasKernels.choose(CpuInfo.current()).ifPresent(chosen -> assertThat(core).isEqualToIgnoringCase(chosen));
  }
}
