package dev.weft.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records as JSON text in the store. Values that are not JSON-like (dates, say) are kept as text. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_CHARS = 900_000;

  private Json() {}

  static String write(Map<String, Object> record) {
    try {
      String text = MAPPER.writeValueAsString(plain(record));
      if (text.length() <= MAX_CHARS) return text;
      return MAPPER.writeValueAsString(Map.of("_weft_truncated", text.substring(0, MAX_CHARS)));
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot write a record as JSON", e);
    }
  }

  static Map<String, Object> read(String text) {
    try {
      return MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored record is not JSON", e);
    }
  }

  static Object plain(Object value) {
    return switch (value) {
      case null -> null;
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
        yield out;
      }
      case List<?> l -> {
        List<Object> out = new ArrayList<>(l.size());
        for (Object v : l) out.add(plain(v));
        yield out;
      }
      case String s -> s;
      case Boolean b -> b;
      case Integer i -> i;
      case Long n -> n;
      case Double d -> d;
      case Float f -> f;
      case BigDecimal d -> d;
      case BigInteger i -> i;
      case Short s -> s;
      case Byte b -> b;
      default -> value.toString();
    };
  }
}
