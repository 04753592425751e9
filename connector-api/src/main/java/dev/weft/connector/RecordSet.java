package dev.weft.connector;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A collection of records with ids that Weft reads and changes record by record: one side of a
 * two-way sync (a table, an API resource). Ids are text whatever the system's type; the set
 * converts them back. Opened by {@link Connector#openRecordSet}.
 */
public interface RecordSet extends AutoCloseable {

  /**
   * Reads the records whose updated field is at or after {@code since} (every record when empty),
   * handing them to {@code page} a page at a time. {@code since} is a value the engine took from
   * the updated field of an earlier read; a set that cannot filter by it returns every record.
   */
  void scan(Optional<String> since, int pageSize, Consumer<List<Map<String, Object>>> page)
      throws ConnectorException;

  /** The records with these ids, by id; an id that no longer exists is absent from the answer. */
  Map<String, Map<String, Object>> get(Collection<String> ids) throws ConnectorException;

  /**
   * The records whose {@code field}, trimmed and lower-cased, equals one of {@code values}
   * (already trimmed and lower-cased): how records are paired by a match rule.
   */
  default List<Map<String, Object>> find(String field, Collection<String> values)
      throws ConnectorException {
    var wanted = java.util.Set.copyOf(values);
    var found = new java.util.ArrayList<Map<String, Object>>();
    scan(Optional.empty(), 1000, page -> {
      for (var record : page) {
        Object value = record.get(field);
        if (value != null && wanted.contains(value.toString().trim().toLowerCase(java.util.Locale.ROOT))) {
          found.add(record);
        }
      }
    });
    return found;
  }

  /**
   * Applies the changes in order and answers one outcome per change, at the same index. A change
   * the system refuses for itself (a constraint, a 422) is {@link Outcome.Refused}, not thrown;
   * when this returns, every {@link Outcome.Done} change is committed.
   */
  List<Outcome> apply(List<Change> changes) throws ConnectorException;

  @Override
  default void close() throws ConnectorException {}

  /** A change to one record. */
  sealed interface Change {
    /** Creates a record; the set (or the system) gives it its id. */
    record Create(Map<String, Object> fields) implements Change {}

    /** Sets these fields of the record {@code id}; fields not named keep their value. */
    record Update(String id, Map<String, Object> fields) implements Change {}

    record Delete(String id) implements Change {}
  }

  /** What became of one change. */
  sealed interface Outcome {
    /** Done; {@code id} is the record's id (the new one for a create). */
    record Done(String id) implements Outcome {}

    /** The system refused this change, for {@code reason} in words. */
    record Refused(String reason) implements Outcome {}
  }
}
