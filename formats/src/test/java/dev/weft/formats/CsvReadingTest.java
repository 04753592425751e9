package dev.weft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.SystemDef.Format;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReadingTest {
  private static final FormatOptions CSV = FormatOptions.defaults();

  @Test
  void rowsBecomeStringRecordsNamedByTheHeader() throws IOException {
    List<Object> records = Records.read(Format.CSV, "id,name,note\n1,Ada,\n2,\"Lovelace, A.\",\"said \"\"hi\"\"\"\n", CSV);
    assertThat(records).containsExactly(
        Map.of("id", "1", "name", "Ada", "note", ""),
        Map.of("id", "2", "name", "Lovelace, A.", "note", "said \"hi\""));
  }

  @Test
  void quotedFieldsMaySpanLinesAndCrlfEndsRows() throws IOException {
    List<Object> records = Records.read(Format.CSV, "\uFEFFa,b\r\n\"line1\r\nline2\",x\r\n\r\n3,y", CSV);
    assertThat(records).containsExactly(Map.of("a", "line1\r\nline2", "b", "x"), Map.of("a", "3", "b", "y"));
  }

  @Test
  void delimiterQuoteAndNoHeaderAreOptions() throws IOException {
    FormatOptions options = FormatOptions.from(Map.of("delimiter", ";", "header", false, "quote", "'"), Optional.empty());
    assertThat(Records.read(Format.CSV, "1;'a;b'\n2;c\n", options))
        .containsExactly(Map.of("column1", "1", "column2", "a;b"), Map.of("column1", "2", "column2", "c"));
    assertThat(FormatOptions.from(Map.of("delimiter", "\\t"), Optional.empty()).delimiter()).isEqualTo('\t');
    assertThatThrownBy(() -> FormatOptions.from(Map.of("delimiter", ";;"), Optional.empty())).hasMessageContaining("options.delimiter");
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsReportedAndReadingContinues() throws IOException {
    List<Object> records = Records.read(Format.CSV, "a,b\n1,2\n3,4,5\n6\n7,8\n", CSV);
    assertThat(records).containsExactly(
        Map.of("a", "1", "b", "2"),
        "! row 2: 3 fields where the header has 2 (line 3) | 3,4,5",
        "! row 3: 1 fields where the header has 2 (line 4) | 6",
        Map.of("a", "7", "b", "8"));
  }

  @Test
  void anUnterminatedQuoteSpoilsOnlyItsOwnLine() throws IOException {
    List<Object> records = Records.read(Format.CSV, "a,b\n1,\"open\n2,x\n3,\"y\"\n4,z\n", CSV);
    assertThat(records).containsExactly(
        "! row 1: unexpected 'y' after a closing quote (line 2) | 1,\"open",
        Map.of("a", "2", "b", "x"),
        Map.of("a", "3", "b", "y"),
        Map.of("a", "4", "b", "z"));
  }

  @Test
  void anUnterminatedQuoteAtTheEndIsReportedWithItsRowNumber() throws IOException {
    List<Object> records = Records.read(Format.CSV, "a,b\n1,x\n2,\"open\n3,y\n", CSV);
    assertThat(records).containsExactly(
        Map.of("a", "1", "b", "x"),
        "! row 2: unterminated quote (line 3) | 2,\"open",
        Map.of("a", "3", "b", "y"));
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() throws IOException {
    assertThat(Records.read(Format.CSV, "a,b\n\"x\"y,1\n2,3\n", CSV))
        .containsExactly("! row 1: unexpected 'y' after a closing quote (line 2) | \"x\"y,1", Map.of("a", "2", "b", "3"));
  }

  @Test
  void recordsReadCountsMalformedRowsToo() throws Exception {
    try (RecordReader reader = Formats.reader(Format.CSV, new java.io.ByteArrayInputStream("a\n1\n\"x\"y\n3\n".getBytes()), CSV)) {
      reader.next();
      assertThatThrownBy(reader::next).isInstanceOf(FormatException.class).extracting(e -> ((FormatException) e).recordNumber()).isEqualTo(2L);
      assertThat(reader.next()).contains(Map.of("a", "3"));
      assertThat(reader.recordsRead()).isEqualTo(3);
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
    assertThat(Records.read(Format.CSV, "h,w\n5'10\",2\"x\n", CSV)).containsExactly(Map.of("h", "5'10\"", "w", "2\"x"));
  }

  @Test
  void carriageReturnLineEndsAfterARecoveredRow() throws IOException {
    assertThat(Records.read(Format.CSV, "a,b\r1,\"x\"y\r2,z\r3,w", CSV))
        .containsExactly("! row 1: unexpected 'y' after a closing quote (line 2) | 1,\"x\"y", Map.of("a", "2", "b", "z"), Map.of("a", "3", "b", "w"));
  }

  @Test
  void anEndlessLineIsOneMalformedRowAndMemoryStaysBounded() throws IOException {
    String endless = "x".repeat(3 << 20);
    List<Object> records = Records.read(Format.CSV, "a\n" + endless + "\n2\n", CSV);
    assertThat(records).hasSize(2);
    assertThat(records.getFirst().toString()).startsWith("! row 1: row longer than 1048576 characters (line 2)");
    assertThat(records.getFirst().toString().length()).isLessThan(1_100_000);
    assertThat(records.get(1)).isEqualTo(Map.of("a", "2"));
  }
}
