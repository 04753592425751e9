package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.model.Trigger.Verify;
import dev.weft.model.Trigger.Verify.Scheme;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final byte[] BODY = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  private static boolean check(Verify v, Map<String, String> headers) {
    return WebhookSignature.valid(v, "s3cret", h -> Optional.ofNullable(headers.get(h)), BODY, NOW);
  }

  @Test
  void hmac_sha256_in_hex_base64_or_with_a_prefix() {
    Verify v = new Verify(Scheme.HMAC_SHA256, Optional.of("X-Sig"), "ignored", Optional.empty());
    byte[] mac = WebhookSignature.hmac("HmacSHA256", "s3cret", BODY);
    assertThat(check(v, Map.of("X-Sig", HexFormat.of().formatHex(mac)))).isTrue();
    assertThat(check(v, Map.of("X-Sig", HexFormat.of().withUpperCase().formatHex(mac)))).isTrue();
    assertThat(check(v, Map.of("X-Sig", Base64.getEncoder().encodeToString(mac)))).isTrue();
    assertThat(check(v, Map.of("X-Sig", "sha256=" + HexFormat.of().formatHex(mac)))).isTrue();
    mac[0] ^= 1;
    assertThat(check(v, Map.of("X-Sig", HexFormat.of().formatHex(mac)))).isFalse();
    assertThat(check(v, Map.of())).isFalse();
    assertThat(check(v, Map.of("X-Sig", "not a signature"))).isFalse();
  }

  @Test
  void hmac_sha1_and_github() {
    assertThat(check(new Verify(Scheme.HMAC_SHA1, Optional.of("X-Sig"), "", Optional.empty()),
        Map.of("X-Sig", "sha1=" + HexFormat.of().formatHex(WebhookSignature.hmac("HmacSHA1", "s3cret", BODY))))).isTrue();
    Verify github = new Verify(Scheme.GITHUB, Optional.empty(), "", Optional.empty());
    String sig = "sha256=" + HexFormat.of().formatHex(WebhookSignature.hmac("HmacSHA256", "s3cret", BODY));
    assertThat(check(github, Map.of("X-Hub-Signature-256", sig))).isTrue();
    assertThat(check(github, Map.of("X-Signature", sig))).isFalse();
  }

  @Test
  void stripe_signs_the_timestamp_and_refuses_replays_outside_the_tolerance() {
    Verify stripe = new Verify(Scheme.STRIPE, Optional.empty(), "", Optional.empty());
    assertThat(check(stripe, Map.of("Stripe-Signature", stripeHeader(NOW.getEpochSecond())))).isTrue();
    assertThat(check(stripe, Map.of("Stripe-Signature", stripeHeader(NOW.minus(Duration.ofMinutes(4)).getEpochSecond())))).isTrue();
    assertThat(check(stripe, Map.of("Stripe-Signature", stripeHeader(NOW.minus(Duration.ofMinutes(6)).getEpochSecond())))).isFalse();
    Verify tight = new Verify(Scheme.STRIPE, Optional.empty(), "", Optional.of(Duration.ofSeconds(30)));
    assertThat(check(tight, Map.of("Stripe-Signature", stripeHeader(NOW.minusSeconds(60).getEpochSecond())))).isFalse();
    String forged = "t=" + NOW.getEpochSecond() + ",v1=" + "00".repeat(32);
    assertThat(check(stripe, Map.of("Stripe-Signature", forged))).isFalse();
  }

  private static String stripeHeader(long t) {
    byte[] signed = (t + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(WebhookSignature.hmac("HmacSHA256", "s3cret", signed)) + ",v0=abc";
  }
}
