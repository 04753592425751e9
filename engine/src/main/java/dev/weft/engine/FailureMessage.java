package dev.weft.engine;

import dev.weft.model.RecordPath;
import dev.weft.model.Template;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * The user-facing message of a failed run: the flow's {@code errors.message} template with
 * {@code {{error}}}, {@code {{run.id}}}, {@code {{run.date}}} and the record's fields, or the
 * error itself when the flow declares no message.
 */
final class FailureMessage {
  private final Optional<String> template;
  private final String runId;
  private final Instant startedAt;
  private final Redactor redactor;

  FailureMessage(Optional<String> template, String runId, Instant startedAt, Redactor redactor) {
    this.template = template;
    this.runId = runId;
    this.startedAt = startedAt;
    this.redactor = redactor;
  }

  RunFailure of(String error, String detail, Map<String, Object> record) {
    String safeError = redactor.redact(error);
    String text = template.map(t -> Template.render(t, name -> value(name, safeError, record))).orElse(safeError);
    return new RunFailure(redactor.redact(text), redactor.redact(detail));
  }

  private Object value(String name, String error, Map<String, Object> record) {
    return switch (name) {
      case "error" -> error;
      case "run.id" -> runId;
      case "run.date" -> DateTimeFormatter.ISO_LOCAL_DATE.format(startedAt.atZone(ZoneOffset.UTC));
      default -> RecordPath.parse(name).path().map(p -> p.get(record)).orElse(null);
    };
  }
}
