package dev.descent.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformChoiceTests {
  @Test
  void cpuInfoReadsTheFirstProcessorOnly() {
    CpuInfo cpu = CpuSamples.xeon207();
    assertThat(cpu.vendor()).isEqualTo("GenuineIntel");
    assertThat(cpu.family()).isEqualTo(6);
    assertThat(cpu.model()).isEqualTo(207);
    assertThat(cpu.flags()).contains("avx512f", "amx_tile").doesNotContain("processor");
    assertThat(cpu.describe()).contains("Xeon", "model 207", "AVX-512");
  }

  @Test
  void theBestBuildTheCpuRunsAndTheClassPathHas() {
    assertThat(NativeBuilds.choose(CpuSamples.xeon207(), b -> true)).isEqualTo(NativeBuild.ONEDNN_AVX512);
    assertThat(NativeBuilds.choose(CpuSamples.intelAvx2(), b -> true)).isEqualTo(NativeBuild.ONEDNN_AVX2);
    assertThat(NativeBuilds.choose(CpuSamples.oldSse(), b -> true)).isEqualTo(NativeBuild.ONEDNN);
    Set<NativeBuild> shipped = Set.of(NativeBuild.GENERIC, NativeBuild.AVX2);
    assertThat(NativeBuilds.choose(CpuSamples.epycZen4(), shipped::contains)).isEqualTo(NativeBuild.AVX2);
    assertThat(NativeBuilds.choose(CpuSamples.oldSse(), shipped::contains)).isEqualTo(NativeBuild.GENERIC);
  }

  @Test
  void aConfiguredBuildIsCheckedAgainstCpuAndClassPath() {
    assertThat(NativeBuilds.select(CpuSamples.intelAvx2(), "generic", b -> true)).isEqualTo(NativeBuild.GENERIC);
    assertThat(NativeBuilds.select(CpuSamples.intelAvx2(), "auto", b -> true)).isEqualTo(NativeBuild.ONEDNN_AVX2);
    assertThatThrownBy(() -> NativeBuilds.select(CpuSamples.intelAvx2(), "avx512", b -> true))
        .hasMessageContaining("avx512f");
    assertThatThrownBy(() -> NativeBuilds.select(CpuSamples.xeon207(), "avx2", b -> false))
        .hasMessageContaining("not on the class path");
    assertThatThrownBy(() -> NativeBuilds.select(CpuSamples.xeon207(), "sse9", b -> true))
        .hasMessageContaining("known: onednn-avx512");
  }

  @Test
  void avx512CpusGetTheAvx512KernelsIntelAvx2Haswell() {
    assertThat(BlasKernels.choose(CpuSamples.xeon207())).contains("SkylakeX");
    assertThat(BlasKernels.choose(CpuSamples.epycZen4())).contains("SkylakeX");
    assertThat(BlasKernels.choose(CpuSamples.intelAvx2())).contains("Haswell");
    assertThat(BlasKernels.choose(CpuSamples.oldSse())).isEmpty();
  }
}
