package dev.weft.connector.brokers;

import dev.weft.connector.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one message: the body is one record, or several (a JSON array, NDJSON lines, CSV
 * rows, or the list at the source's {@code records} path), named {@code position#index}. What
 * cannot be read becomes an error record that the engine dead-letters:
 * {@code {"_weft_error": why, "_weft_raw": body as text}}.
 */
public final class MessageRecords {
  public static final String ERROR = "_weft_error";
  public static final String RAW = "_weft_raw";
  static final int RAW_LIMIT = 64 * 1024;

  private final BodyCodec codec;

  public MessageRecords(BodyCodec codec) {
    this.codec = codec;
  }

  public List<SourceRecord> of(byte[] body, String position) {
    List<BodyCodec.Item> items = codec.decode(body);
    if (items.isEmpty()) return List.of(error(body, position, "the message holds no records"));
    List<SourceRecord> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String at = items.size() == 1 ? position : position + "#" + i;
      out.add(
          switch (items.get(i)) {
            case BodyCodec.Item.Ok ok -> new SourceRecord(ok.record(), at);
            case BodyCodec.Item.Bad bad -> error(body, at, bad.why());
          });
    }
    return out;
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
}
