package dev.weft.doc;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shows a secret-bearing value without ever showing a secret: a {@code ${secret.X}},
 * {@code ${config.X}} or {@code ${env.X}} reference is shown as written, anything else as
 * "•••• (literal value hidden)". URLs keep their shape but lose passwords and secret parameters.
 */
final class SecretText {
  private static final Pattern ONLY_REFERENCES =
      Pattern.compile("(\\$\\{\\s*(config|secret|env)\\.[A-Za-z0-9_.-]+\\s*})+");
  private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.:-]*://)([^/@?#]*)@");
  private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");
  private static final Set<String> SECRET_PARAMETERS =
      Set.of(
          "password", "pass", "passwd", "pwd", "secret", "token", "key", "apikey", "api_key",
          "api-key", "access_token", "refresh_token", "client_secret", "passphrase", "sig",
          "signature", "auth");
  static final String MASK = "••••";

  private SecretText() {}

  /** The reference as code, "empty" for an empty value, or the hidden mark for a literal. */
  static Text of(String value) {
    if (value.isEmpty()) return Text.plain("empty");
    if (isReference(value)) return Text.code(value.strip());
    return Text.hidden();
  }

  static boolean isReference(String value) {
    return ONLY_REFERENCES.matcher(value.strip()).matches();
  }

  /** The URL with any user-info password and secret query parameters masked. */
  static String url(String url) {
    String out = USER_INFO.matcher(url).replaceFirst(m -> {
      String info = m.group(2);
      int colon = info.indexOf(':');
      String kept = colon < 0 || isReference(info.substring(colon + 1)) ? info : info.substring(0, colon + 1) + MASK;
      return java.util.regex.Matcher.quoteReplacement(m.group(1) + kept + "@");
    });
    return PARAMETER.matcher(out).replaceAll(m -> {
      String name = m.group(2).toLowerCase(Locale.ROOT);
      boolean secret = SECRET_PARAMETERS.contains(name) || name.endsWith("password") || name.endsWith("secret") || name.endsWith("token");
      String value = secret && !m.group(3).isEmpty() && !isReference(m.group(3)) ? MASK : m.group(3);
      return java.util.regex.Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value);
    });
  }
}
