package dev.weft.formats;

import dev.weft.model.SystemDef.Format;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test shorthands: read everything, with malformed records as their messages. */
final class Records {
  private Records() {}

  /** Records, and for each malformed one the string {@code "! <message> | <raw>"}. */
  static List<Object> read(Format format, String text, FormatOptions options) throws IOException {
    List<Object> out = new ArrayList<>();
    try (RecordReader reader = Formats.reader(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options)) {
      while (true) {
        try {
          Optional<Map<String, Object>> record = reader.next();
          if (record.isEmpty()) return out;
          out.add(record.get());
        } catch (FormatException e) {
          out.add("! " + e.getMessage() + " | " + e.raw().orElse(""));
        }
      }
    }
  }

  static String write(Format format, List<Map<String, Object>> records, FormatOptions options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RecordWriter writer = Formats.writer(format, out, options);
    for (Map<String, Object> record : records) writer.write(record);
    writer.finish();
    writer.close();
    return out.toString(StandardCharsets.UTF_8);
  }
}
