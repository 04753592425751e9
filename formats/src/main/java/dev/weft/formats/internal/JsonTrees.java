package dev.weft.formats.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.weft.model.FieldMap;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one JSON value into a tree, token by token, with exact numbers. */
public final class JsonTrees {
  /** Streams are owned by the readers and writers, so Jackson never closes them. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build()
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonTrees() {}

  /** The whole document as a tree. */
  public static Object read(byte[] body) throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) throw new IOException("empty JSON document");
      Object tree = value(p);
      if (p.nextToken() != null) throw new IOException("unexpected content after the JSON document at " + p.currentLocation().offsetDescription());
      return tree;
    }
  }

  /** The value starting at the parser's current token; leaves the parser on its last token. */
  public static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    return switch (t) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p));
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT ->
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      case VALUE_EMBEDDED_OBJECT -> p.getEmbeddedObject();
      default -> throw new IOException("unexpected JSON token " + t + " at " + p.currentLocation().offsetDescription());
    };
  }

  /** The object starting at the parser's current START_OBJECT token. */
  public static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> map = new FieldMap();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, value(p));
    }
    return map;
  }

  /** Writes a tree; BigDecimal is written as written, never in exponent form unless it was. */
  public static void write(JsonGenerator g, Object value) throws IOException {
    switch (value) {
      case null -> g.writeNull();
      case Map<?, ?> m -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case Iterable<?> list -> {
        g.writeStartArray();
        for (Object item : list) write(g, item);
        g.writeEndArray();
      }
      case String s -> g.writeString(s);
      case Boolean b -> g.writeBoolean(b);
      case Long l -> g.writeNumber(l);
      case Integer i -> g.writeNumber(i);
      case Short s -> g.writeNumber(s);
      case Byte b -> g.writeNumber(b);
      case java.math.BigInteger b -> g.writeNumber(b);
      case BigDecimal d -> g.writeNumber(d);
      case Double d -> g.writeNumber(d);
      case Float f -> g.writeNumber(f);
      case Object[] array -> write(g, java.util.Arrays.asList(array));
      default -> g.writeString(String.valueOf(value));
    }
  }

  /** A value as JSON text (CSV cells holding nested values). */
  public static String toJson(Object value) {
    java.io.StringWriter out = new java.io.StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }
}
