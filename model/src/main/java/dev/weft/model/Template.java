package dev.weft.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code {{field}}} template: an endpoint path ({@code PUT /contacts/{{external_id}}}), a file
 * name ({@code orders-{{run.date}}.csv}) or a user-facing message ({@code {{error}}}).
 */
public final class Template {
  private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");

  private Template() {}

  /** The names used in the template, in order. */
  public static List<String> names(String template) {
    List<String> names = new ArrayList<>();
    Matcher m = FIELD.matcher(template);
    while (m.find()) names.add(m.group(1));
    return names;
  }

  /** Fills the template; a null value renders as an empty string. */
  public static String render(String template, Function<String, Object> values) {
    Matcher m = FIELD.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = values.apply(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
