package dev.weft.server;

import dev.weft.model.Trigger.Verify;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook's signature: HMAC (SHA-256 or SHA-1) over the raw body, hex or base64, optionally
 * prefixed {@code sha256=}; GitHub's {@code X-Hub-Signature-256}; Stripe's {@code t=..,v1=..} over
 * {@code t.body} within a tolerance (5 minutes by default). Comparisons take constant time.
 *
 * <p>An instance holds one verification with its secret, its HMAC key set up once: each check
 * clones that keyed MAC, which costs far less than looking the algorithm up and keying it again.
 */
public final class WebhookSignature {
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final Verify verify;
  private final String secret;
  private final Mac keyed;

  public WebhookSignature(Verify verify, String secret) {
    this.verify = verify;
    this.secret = secret;
    this.keyed = keyed(verify.scheme() == Verify.Scheme.HMAC_SHA1 ? "HmacSHA1" : "HmacSHA256", secret);
  }

  /** The header a scheme reads when the spec names none. */
  public static String headerOf(Verify verify) {
    return verify.header().orElse(switch (verify.scheme()) {
      case GITHUB -> "X-Hub-Signature-256";
      case STRIPE -> "Stripe-Signature";
      case HMAC_SHA256, HMAC_SHA1 -> "X-Signature";
    });
  }

  public static boolean valid(Verify verify, String secret, Function<String, Optional<String>> headers, byte[] body, Instant now) {
    return new WebhookSignature(verify, secret).valid(headers, body, now);
  }

  public boolean valid(Function<String, Optional<String>> headers, byte[] body, Instant now) {
    Optional<String> header = headers.apply(headerOf(verify)).map(String::trim).filter(h -> !h.isEmpty());
    if (header.isEmpty()) return false;
    return switch (verify.scheme()) {
      case HMAC_SHA256, GITHUB, HMAC_SHA1 -> matches(mac().doFinal(body), header.get());
      case STRIPE -> stripe(header.get(), body, now, verify.tolerance().orElse(DEFAULT_TOLERANCE));
    };
  }

  private boolean stripe(String header, byte[] body, Instant now, Duration tolerance) {
    Optional<Long> timestamp = Optional.empty();
    List<String> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) continue;
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      if (key.equals("t")) {
        try {
          timestamp = Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (key.equals("v1")) {
        signatures.add(value);
      }
    }
    if (timestamp.isEmpty() || signatures.isEmpty()) return false;
    if (Duration.between(Instant.ofEpochSecond(timestamp.get()), now).abs().compareTo(tolerance) > 0) return false;
    byte[] prefix = (timestamp.get() + ".").getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    byte[] expected = mac().doFinal(signed);
    boolean any = false;
    for (String signature : signatures) any |= matches(expected, signature);
    return any;
  }

  /** The given value, hex or base64, after an optional {@code sha256=}/{@code sha1=} prefix. */
  private static boolean matches(byte[] expected, String given) {
    String value = given;
    int eq = value.indexOf('=');
    if (eq > 0 && eq < 8 && value.substring(0, eq).toLowerCase(Locale.ROOT).startsWith("sha")) value = value.substring(eq + 1);
    Optional<byte[]> decoded = decode(value, expected.length);
    return decoded.isPresent() && MessageDigest.isEqual(expected, decoded.get());
  }

  private static Optional<byte[]> decode(String value, int length) {
    if (value.length() == length * 2) {
      try {
        return Optional.of(HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT)));
      } catch (IllegalArgumentException notHex) {
        // fall through to base64
      }
    }
    try {
      return Optional.of(Base64.getDecoder().decode(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A MAC of its own for one check (a Mac is not safe for concurrent use). */
  private Mac mac() {
    try {
      return (Mac) keyed.clone();
    } catch (CloneNotSupportedException e) {
      return keyed(keyed.getAlgorithm(), secret);
    }
  }

  static byte[] hmac(String algorithm, String secret, byte[] data) {
    return keyed(algorithm, secret).doFinal(data);
  }

  private static Mac keyed(String algorithm, String secret) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
