package dev.weft.connector.http;

import dev.weft.model.RecordPath;
import dev.weft.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An endpoint path with {@code {{field}}} templates, e.g. {@code /invoices/{{invoiceNumber}}}.
 * Each value is percent-encoded, so a value holding {@code /} or {@code ?} stays one path segment.
 */
record PathTemplate(String text, List<RecordPath> fields) {

  PathTemplate {
    fields = List.copyOf(fields);
  }

  static PathTemplate of(String text) {
    List<RecordPath> fields = new ArrayList<>();
    for (String name : Template.names(text)) fields.add(RecordPath.of(name));
    return new PathTemplate(text, fields);
  }

  boolean hasFields() {
    return !fields.isEmpty();
  }

  /** The path for {@code record}, or empty when a field it needs is missing or empty. */
  Optional<String> render(Map<String, Object> record) {
    for (RecordPath field : fields) {
      Object value = field.get(record);
      if (value == null || String.valueOf(value).isEmpty()) return Optional.empty();
    }
    return Optional.of(
        Template.render(text, name -> QueryString.encode(HighWaterMark.text(RecordPath.of(name).get(record)))));
  }

  /** The fields the path needs that {@code record} lacks, for a rejection's reason. */
  List<String> missing(Map<String, Object> record) {
    List<String> missing = new ArrayList<>();
    for (RecordPath field : fields) {
      Object value = field.get(record);
      if (value == null || String.valueOf(value).isEmpty()) missing.add(field.text());
    }
    return missing;
  }
}
