package dev.weft.server;

import dev.weft.model.ConfigOption;
import dev.weft.model.Spec;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an instance's config values against the spec's {@code config} options: type, required,
 * options, defaults. Collects every problem, by field.
 */
public final class ConfigCheck {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private ConfigCheck() {}

  /**
   * @param values the values to store, typed, with defaults filled in
   * @param errors per field, the messages; empty when the config is good
   */
  public record Checked(Map<String, Object> values, Map<String, List<String>> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** {@code alreadySet}: keys with a stored value that {@code given} leaves alone (a secret not sent again). */
  public static Checked check(Spec spec, Map<String, Object> given, Set<String> alreadySet) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (String key : given.keySet())
      if (spec.configOption(key).isEmpty())
        add(errors, key, "is not a config option of " + spec.id() + known(spec));
    for (ConfigOption option : spec.config()) {
      Object value = given.get(option.key());
      if (value == null || (value instanceof String s && s.isEmpty())) {
        if (option.defaultValue().isPresent()) values.put(option.key(), option.defaultValue().get());
        else if (option.required() && !alreadySet.contains(option.key())) add(errors, option.key(), "is required");
        continue;
      }
      List<String> problems = new ArrayList<>();
      Object typed = typed(option, value, problems);
      if (problems.isEmpty()) values.put(option.key(), typed);
      else problems.forEach(p -> add(errors, option.key(), p));
    }
    return new Checked(values, errors);
  }

  private static Object typed(ConfigOption option, Object value, List<String> problems) {
    return switch (option.type()) {
      case STRING, SECRET -> text(value, problems);
      case URL -> {
        String s = text(value, problems);
        if (problems.isEmpty() && !isHttpUrl(s)) problems.add("must be an http or https URL");
        yield s;
      }
      case EMAIL -> {
        String s = text(value, problems);
        if (problems.isEmpty() && !EMAIL.matcher(s).matches()) problems.add("must be an email address");
        yield s;
      }
      case NUMBER -> {
        if (value instanceof Number n) yield n;
        try {
          yield new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
          problems.add("must be a number");
          yield value;
        }
      }
      case BOOLEAN -> {
        if (value instanceof Boolean b) yield b;
        String s = String.valueOf(value);
        if (s.equals("true") || s.equals("false")) yield Boolean.parseBoolean(s);
        problems.add("must be true or false");
        yield value;
      }
      case CHOICE -> {
        String s = text(value, problems);
        if (problems.isEmpty() && !option.options().contains(s))
          problems.add("must be one of " + String.join(", ", option.options()) + " (got " + s + ")");
        yield s;
      }
      case LIST -> {
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) list.forEach(v -> items.add(String.valueOf(v)));
        else if (value instanceof String s) for (String part : s.split(",")) items.add(part.trim());
        else problems.add("must be a list");
        if (!option.options().isEmpty())
          for (String item : items)
            if (!option.options().contains(item))
              problems.add(item + " is not one of " + String.join(", ", option.options()));
        yield items;
      }
    };
  }

  private static String text(Object value, List<String> problems) {
    if (value instanceof String s) return s;
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      problems.add("must be text");
      return "";
    }
    return String.valueOf(value);
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String known(Spec spec) {
    if (spec.config().isEmpty()) return " (it has none)";
    return " (its options: " + String.join(", ", spec.config().stream().map(ConfigOption::key).toList()) + ")";
  }

  private static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }
}
