package dev.weft.spec.internal.check;

import dev.weft.model.ConfigOption;
import dev.weft.model.ConfigOption.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Config options: unique keys, {@code options} where a choice is made, defaults that fit the type. */
final class ConfigChecks {
  private ConfigChecks() {}

  static void run(Context c) {
    List<ConfigOption> options = c.spec().config();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      ConfigOption o = options.get(i);
      String path = "config[" + i + "]";
      if (!o.key().isEmpty() && !seen.add(o.key())) c.problems().error(path + ".key", "duplicate config key '" + o.key() + "'");
      boolean choosing = o.type() == Type.LIST || o.type() == Type.CHOICE;
      if (choosing && o.options().isEmpty()) {
        c.problems().error(path, "a config option of type " + o.type().key() + " needs 'options' to choose from");
      }
      if (!choosing && !o.options().isEmpty()) {
        c.problems().error(path + ".options", "'options' applies to types list and choice, not " + o.type().key());
      }
      o.defaultValue().ifPresent(d -> checkDefault(c, o, d, path + ".default"));
    }
  }

  private static void checkDefault(Context c, ConfigOption o, Object d, String path) {
    String problem = switch (o.type()) {
      case NUMBER -> d instanceof Number ? null : "the default of a number option must be a number";
      case BOOLEAN -> d instanceof Boolean ? null : "the default of a boolean option must be true or false";
      case LIST -> {
        if (!(d instanceof List<?> list)) yield "the default of a list option must be a list";
        List<?> outside = list.stream().filter(v -> !o.options().contains(String.valueOf(v))).toList();
        yield outside.isEmpty() ? null : "default " + outside + " is not among the options " + o.options();
      }
      case CHOICE -> o.options().contains(String.valueOf(d)) ? null : "default '" + d + "' is not among the options " + o.options();
      case SECRET -> "a secret option cannot have a default";
      case EMAIL -> d instanceof String s && s.contains("@") ? null : "the default of an email option must be an email address";
      case URL -> d instanceof String s && s.matches("(?i)https?://\\S+") ? null : "the default of a url option must be an http(s) URL";
      case STRING -> d instanceof String || d instanceof Number ? null : "the default of a string option must be text";
    };
    if (problem != null) c.problems().error(path, problem);
  }
}
