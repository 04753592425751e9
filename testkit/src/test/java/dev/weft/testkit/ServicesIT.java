package dev.weft.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Says at once, by name, which local service the integration tests will miss. */
class ServicesIT {
  @ParameterizedTest
  @EnumSource(Services.class)
  void serviceIsReachable(Services service) {
    service.require();
    assertThat(service.isUp()).isTrue();
  }
}
