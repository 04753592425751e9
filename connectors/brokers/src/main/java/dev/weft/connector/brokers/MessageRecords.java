package dev.weft.connector.brokers;

import dev.weft.connector.SourceRecord;
import dev.weft.model.RecordPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of one message: the body is one record, or a list of records (at {@code records}
 * when the source names a path). A body that cannot be read becomes one error record that the
 * engine dead-letters: {@code {"_weft_error": why, "_weft_raw": body as text}}.
 */
public final class MessageRecords {
  public static final String ERROR = "_weft_error";
  public static final String RAW = "_weft_raw";
  static final int RAW_LIMIT = 64 * 1024;

  private final BodyCodec codec;
  private final Optional<RecordPath> records;

  public MessageRecords(BodyCodec codec, Optional<String> recordsPath) {
    this.codec = codec;
    this.records = recordsPath.map(RecordPath::of);
  }

  public List<SourceRecord> of(byte[] body, String position) {
    Object tree;
    try {
      tree = codec.decode(body);
    } catch (Exception e) {
      return List.of(error(body, position, "the message is not valid " + codec.format().key() + ": " + firstLine(e)));
    }
    Object found = records.isPresent() ? records.get().get(tree) : tree;
    if (found == null && records.isPresent())
      return List.of(error(body, position, "the message has nothing at '" + records.get() + "'"));
    if (found instanceof Map<?, ?> map) return List.of(new SourceRecord(asRecord(map), position));
    if (found instanceof List<?> list) {
      List<SourceRecord> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        String at = list.size() == 1 ? position : position + "#" + i;
        out.add(
            list.get(i) instanceof Map<?, ?> m
                ? new SourceRecord(asRecord(m), at)
                : error(body, at, "item " + i + " of the message is not an object"));
      }
      return out;
    }
    return List.of(error(body, position, "the message is not an object or a list of objects"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asRecord(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  static SourceRecord error(byte[] body, String position, String why) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put(ERROR, why);
    value.put(RAW, rawText(body));
    return new SourceRecord(value, position);
  }

  static String rawText(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.length() <= RAW_LIMIT) return text;
    int end = RAW_LIMIT;
    if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
    return text.substring(0, end);
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
