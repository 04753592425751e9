package dev.weft.connector.http;

import dev.weft.connector.ConfigException;
import dev.weft.model.ErrorPolicy;
import dev.weft.model.SystemDef;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the connector talks to one system in one flow: timeouts (system {@code options.timeout}, a
 * duration for the request or {@code {connect, request}}), retries (the flow's {@code
 * errors.retry}) and how client credentials reach the token endpoint ({@code options.token_auth}:
 * {@code basic}, the default, or {@code form}), and how many requests a target sends at once
 * ({@code options.concurrency}, default {@value #CONCURRENCY}).
 */
record HttpSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    ErrorPolicy.Retry retry,
    TokenAuth tokenAuth,
    int concurrency) {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  static final int CONCURRENCY = 8;
  static final int MOST_CONCURRENCY = 64;

  enum TokenAuth {
    BASIC,
    FORM
  }

  static HttpSettings of(SystemDef system, ErrorPolicy errors) throws ConfigException {
    Duration connect = CONNECT_TIMEOUT;
    Duration request = REQUEST_TIMEOUT;
    Object timeout = system.options().get("timeout");
    if (timeout instanceof Map<?, ?> parts) {
      connect = duration(system, "timeout.connect", parts.get("connect")).orElse(connect);
      request = duration(system, "timeout.request", parts.get("request")).orElse(request);
    } else if (timeout != null) {
      request = duration(system, "timeout", timeout).orElseThrow();
    }
    Object tokenAuth = system.options().getOrDefault("token_auth", "basic");
    TokenAuth mode =
        switch (String.valueOf(tokenAuth)) {
          case "basic" -> TokenAuth.BASIC;
          case "form" -> TokenAuth.FORM;
          default ->
              throw new ConfigException(
                  system.displayName() + ": options.token_auth must be 'basic' or 'form', not '" + tokenAuth + "'");
        };
    Object concurrency = system.options().getOrDefault("concurrency", CONCURRENCY);
    int inFlight;
    try {
      inFlight = Integer.parseInt(String.valueOf(concurrency).strip());
    } catch (NumberFormatException e) {
      inFlight = 0;
    }
    if (inFlight < 1 || inFlight > MOST_CONCURRENCY)
      throw new ConfigException(
          system.displayName() + ": options.concurrency must be a whole number from 1 to " + MOST_CONCURRENCY + ", not '" + concurrency + "'");
    return new HttpSettings(connect, request, errors.retry(), mode, inFlight);
  }

  private static Optional<Duration> duration(SystemDef system, String option, Object value)
      throws ConfigException {
    if (value == null) return Optional.empty();
    Optional<Duration> parsed = DurationText.parse(value).filter(d -> !d.isZero() && !d.isNegative());
    if (parsed.isEmpty())
      throw new ConfigException(
          system.displayName() + ": options." + option + " must be a duration like 30s, not '" + value + "'");
    return parsed;
  }
}
