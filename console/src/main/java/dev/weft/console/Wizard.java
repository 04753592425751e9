package dev.weft.console;

import dev.weft.model.ConfigOption;
import dev.weft.model.Spec;
import dev.weft.server.InstanceEditor;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config wizard: one form field per {@code config} option of the spec (its type, label, help,
 * options, default and whether it is required), and the way back from a submitted form to the
 * body {@link InstanceEditor} checks. Secret values are never put back into a form.
 */
final class Wizard {
  static final String PREFIX = "config.";

  private Wizard() {}

  public record Choice(String value, String label, boolean selected) {}

  /**
   * @param input text, password, number, url, email, select, checkboxes
   * @param secretStored a secret with a stored value: leaving the field empty keeps it
   */
  public record Field(String name, String id, String label, String input, boolean required, List<Choice> choices, String value,
      String help, List<String> errors, boolean secretStored) {
    public String errorText() {
      return String.join("; ", errors);
    }

    public boolean invalid() {
      return !errors.isEmpty();
    }
  }

  /**
   * The fields of the spec's options, filled with the submitted form (after a refusal), else the
   * stored values, else the defaults.
   */
  static List<Field> fields(Spec spec, Map<String, Object> stored, Optional<Context> submitted, Map<String, List<String>> errors) {
    List<Field> fields = new ArrayList<>();
    for (ConfigOption o : spec.config()) {
      String name = PREFIX + o.key();
      boolean secret = o.type() == ConfigOption.Type.SECRET;
      List<String> values = submitted.map(ctx -> ctx.formParams(name))
          .orElseGet(() -> stored.containsKey(o.key()) ? asList(stored.get(o.key())) : o.defaultValue().map(Wizard::asList).orElse(List.of()));
      if (secret) values = List.of();
      String value = String.join(", ", values);
      String input = switch (o.type()) {
        case SECRET -> "password";
        case NUMBER -> "number";
        case URL -> "url";
        case EMAIL -> "email";
        case BOOLEAN, CHOICE -> "select";
        case LIST -> o.options().isEmpty() ? "text" : "checkboxes";
        case STRING -> "text";
      };
      List<Choice> choices = new ArrayList<>();
      if (o.type() == ConfigOption.Type.BOOLEAN) {
        choices.add(new Choice("", "Not set", value.isEmpty()));
        choices.add(new Choice("true", "Yes", value.equals("true")));
        choices.add(new Choice("false", "No", value.equals("false")));
      } else if (o.type() == ConfigOption.Type.CHOICE) {
        if (!o.required() || value.isEmpty()) choices.add(new Choice("", "Choose…", value.isEmpty()));
        for (String option : o.options()) choices.add(new Choice(option, option, value.equals(option)));
      } else if (o.type() == ConfigOption.Type.LIST) {
        for (String option : o.options()) choices.add(new Choice(option, option, values.contains(option)));
      }
      String help = o.help().orElse("");
      if (o.type() == ConfigOption.Type.LIST && o.options().isEmpty()) help = (help.isEmpty() ? "" : help + " ") + "Separate items with commas.";
      fields.add(new Field(name, "f-" + o.key(), o.displayLabel(), input, o.required(), choices, value, help,
          errors.getOrDefault(name, List.of()), secret && stored.containsKey(o.key())));
    }
    return fields;
  }

  /** The {@code config} object of an API body, from the submitted form. Empty secrets are left out (kept when stored). */
  static Map<String, Object> config(Spec spec, Context ctx) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (ConfigOption o : spec.config()) {
      String name = PREFIX + o.key();
      List<String> values = ctx.formParams(name);
      switch (o.type()) {
        case SECRET -> {
          String v = values.isEmpty() ? "" : values.get(0);
          if (!v.isEmpty()) config.put(o.key(), v);
        }
        case LIST -> {
          if (o.options().isEmpty()) config.put(o.key(), values.isEmpty() ? "" : values.get(0));
          else config.put(o.key(), List.copyOf(values));
        }
        default -> config.put(o.key(), values.isEmpty() ? "" : values.get(0).strip());
      }
    }
    return config;
  }

  private static List<String> asList(Object value) {
    if (value instanceof List<?> list) return list.stream().map(String::valueOf).toList();
    return List.of(String.valueOf(value));
  }
}
