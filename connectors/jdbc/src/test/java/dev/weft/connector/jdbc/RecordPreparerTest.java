package dev.weft.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.Target;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The preparer remembers the last layout of fields; records off that layout get the full check. */
class RecordPreparerTest {
  private static final Column ID = new Column("id", Types.BIGINT, "bigint", 0, false);
  private static final Column NAME = new Column("name", Types.VARCHAR, "varchar", 5, true);
  private static final TableShape SHAPE =
      new TableShape(new TableName(Optional.empty(), "t"), Map.of("id", ID, "name", NAME), List.of("id"));

  private static Map<String, Object> record(Object... fieldsAndValues) {
    Map<String, Object> record = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) record.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    return record;
  }

  @Test
  void recordsOnAndOffTheRememberedLayoutArePreparedAlike() throws RecordRejected {
    RecordPreparer preparer = new RecordPreparer(SHAPE, Target.Write.UPSERT, List.of("id"), true);

    PreparedRow first = preparer.prepare(0, record("id", "1", "name", "a"));
    PreparedRow same = preparer.prepare(1, record("id", 2L, "name", "b"));
    PreparedRow reordered = preparer.prepare(2, record("name", "c", "id", "3"));
    PreparedRow withUnknown = preparer.prepare(3, record("ID", "4", "extra", 1, "name", null));
    PreparedRow again = preparer.prepare(4, record("ID", "5", "extra", 2, "name", "e"));

    assertThat(first.columns()).containsExactly(ID, NAME);
    assertThat(first.values()).containsExactly(1L, "a");
    assertThat(same.values()).containsExactly(2L, "b");
    assertThat(reordered.columns()).containsExactly(NAME, ID);
    assertThat(reordered.values()).containsExactly("c", 3L);
    assertThat(withUnknown.columns()).containsExactly(ID, NAME);
    assertThat(withUnknown.values()).containsExactly(4L, null);
    assertThat(again.values()).containsExactly(5L, "e");
    assertThat(again.index()).isEqualTo(4);
  }

  @Test
  void aRememberedLayoutStillChecksValuesKeysAndUnknownFields() throws RecordRejected {
    RecordPreparer preparer = new RecordPreparer(SHAPE, Target.Write.UPSERT, List.of("id"), false);
    preparer.prepare(0, record("id", "1", "name", "a"));

    assertThatThrownBy(() -> preparer.prepare(1, record("id", "x", "name", "b")))
        .isInstanceOf(RecordRejected.class).hasMessageContaining("of id does not fit");
    assertThatThrownBy(() -> preparer.prepare(2, record("id", null, "name", "b")))
        .isInstanceOf(RecordRejected.class).hasMessage("key field id is missing or null");
    assertThatThrownBy(() -> preparer.prepare(3, record("id", "1", "nope", "b")))
        .isInstanceOf(RecordRejected.class).hasMessageStartingWith("field nope is not a column of table");
    assertThatThrownBy(() -> preparer.prepare(4, record()))
        .isInstanceOf(RecordRejected.class).hasMessage("key field id is missing or null");
    assertThat(preparer.prepare(5, record("id", "6", "name", "f")).values()).containsExactly(6L, "f");
  }
}
