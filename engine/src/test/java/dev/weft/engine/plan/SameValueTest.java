package dev.weft.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SameValueTest {

  @Test
  void numbersCompareByValueAcrossTypesAndText() {
    assertThat(SameValue.test(new BigDecimal("4.5360"), 4.536)).isTrue();
    assertThat(SameValue.test("3.50", new BigDecimal("3.5"))).isTrue();
    assertThat(SameValue.test(7, 7L)).isTrue();
    assertThat(SameValue.test("7", 8L)).isFalse();
    assertThat(SameValue.test("3.6287", new BigDecimal("3.629"))).isFalse();
    assertThat(SameValue.test("A-1", 1L)).isFalse();
  }

  @Test
  void timestampsCompareAsInstantsAndLocalTextIsUtc() {
    assertThat(SameValue.test("2026-01-02T03:04:05+01:00", "2026-01-02T02:04:05Z")).isTrue();
    assertThat(SameValue.test("2026-01-02T03:04:05", "2026-01-02T03:04:05Z")).isTrue();
    assertThat(SameValue.test("2026-01-02 03:04:05.000", "2026-01-02T03:04:05Z")).isTrue();
    assertThat(SameValue.test("2026-01-02T03:04:05Z", "2026-01-02T03:04:06Z")).isFalse();
    assertThat(SameValue.test("2026-01-02", "2026-01-02")).isTrue();
  }

  @Test
  void booleansNullsAndTrees() {
    assertThat(SameValue.test("true", Boolean.TRUE)).isTrue();
    assertThat(SameValue.test(1, Boolean.TRUE)).isTrue();
    assertThat(SameValue.test("maybe", Boolean.TRUE)).isFalse();
    assertThat(SameValue.test(null, null)).isTrue();
    assertThat(SameValue.test(null, "")).isFalse();
    assertThat(SameValue.test(Map.of("a", List.of(1, "2.0")), Map.of("a", List.of(1L, 2)))).isTrue();
    assertThat(SameValue.test(Map.of("a", 1), Map.of("a", 1, "b", 2))).isFalse();
  }
}
