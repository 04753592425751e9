package dev.weft.connector.http;

import dev.weft.connector.RunInfo;
import dev.weft.model.RecordPath;
import dev.weft.model.Template;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An endpoint path with {@code {{field}}} templates, e.g. {@code /invoices/{{invoiceNumber}}}; a
 * field the record lacks may be {@code run.id} or {@code run.date} (the run's start, UTC). Each
 * value is percent-encoded, so a value holding {@code /} or {@code ?} stays one path segment.
 */
record PathTemplate(String text, List<RecordPath> fields, RunInfo run) {

  PathTemplate {
    fields = List.copyOf(fields);
  }

  static PathTemplate of(String text, RunInfo run) {
    List<RecordPath> fields = new ArrayList<>();
    for (String name : Template.names(text)) fields.add(RecordPath.of(name));
    return new PathTemplate(text, fields, run);
  }

  boolean hasFields() {
    return !fields.isEmpty();
  }

  /** The path for {@code record}, or empty when a field it needs is missing or empty. */
  Optional<String> render(Map<String, Object> record) {
    if (!missing(record).isEmpty()) return Optional.empty();
    return Optional.of(Template.render(text, name -> QueryString.encode(HighWaterMark.text(value(RecordPath.of(name), record)))));
  }

  /** The fields the path needs that {@code record} lacks, for a rejection's reason. */
  List<String> missing(Map<String, Object> record) {
    List<String> missing = new ArrayList<>();
    for (RecordPath field : fields) {
      Object value = value(field, record);
      if (value == null || String.valueOf(value).isEmpty()) missing.add(field.text());
    }
    return missing;
  }

  private Object value(RecordPath field, Map<String, Object> record) {
    Object value = field.get(record);
    if (value != null) return value;
    return switch (field.text()) {
      case "run.id" -> run.runId();
      case "run.date" -> LocalDate.ofInstant(run.startedAt(), ZoneOffset.UTC).toString();
      default -> null;
    };
  }
}
