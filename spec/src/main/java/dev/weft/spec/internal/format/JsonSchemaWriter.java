package dev.weft.spec.internal.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.spec.internal.format.Shape.Any;
import dev.weft.spec.internal.format.Shape.AnyOf;
import dev.weft.spec.internal.format.Shape.Bool;
import dev.weft.spec.internal.format.Shape.Int;
import dev.weft.spec.internal.format.Shape.ListOf;
import dev.weft.spec.internal.format.Shape.MapOf;
import dev.weft.spec.internal.format.Shape.Obj;
import dev.weft.spec.internal.format.Shape.Text;
import dev.weft.spec.internal.format.Shape.Word;
import java.util.List;
import java.util.Locale;

/** Writes the declared format as a JSON Schema (draft 2020-12), one {@code $defs} entry per mapping. */
public final class JsonSchemaWriter {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JsonSchemaWriter() {}

  public static String write() {
    ObjectNode root = JSON.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://weft.dev/schema/weft-1.json");
    root.put("title", "Weft integration specification, version 1");
    root.put("description", SpecFormat.SPEC.doc());
    ObjectNode spec = object(SpecFormat.SPEC);
    spec.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
    ObjectNode defs = root.putObject("$defs");
    for (Obj o : SpecFormat.ALL) if (o != SpecFormat.SPEC) defs.set(defName(o), object(o));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String defName(Obj o) {
    return o.name().toLowerCase(Locale.ROOT).replace(' ', '_');
  }

  private static ObjectNode object(Obj o) {
    ObjectNode node = JSON.objectNode();
    node.put("type", "object");
    node.put("description", o.doc());
    ObjectNode props = node.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (Key k : o.keys()) {
      ObjectNode p = shape(k.shape());
      if (!p.has("$ref")) p.put("description", k.doc());
      props.set(k.name(), p);
      if (k.required()) required.add(k.name());
    }
    if (!required.isEmpty()) node.set("required", required);
    node.put("additionalProperties", false);
    if (o == SpecFormat.AUTH) node.set("allOf", authMethods());
    return node;
  }

  /** Per auth method, the keys it requires and the ones it allows, so editors can say what is missing. */
  private static ArrayNode authMethods() {
    ArrayNode all = JSON.arrayNode();
    List<String> common = List.of("method", "scope");
    for (AuthMethods.Method m : AuthMethods.ALL) {
      ObjectNode rule = all.addObject();
      ObjectNode when = rule.putObject("if");
      when.putObject("properties").putObject("method").put("const", m.name());
      when.putArray("required").add("method");
      ObjectNode then = rule.putObject("then");
      if (!m.required().isEmpty()) {
        ArrayNode required = then.putArray("required");
        m.required().forEach(required::add);
      }
      ObjectNode names = then.putObject("propertyNames");
      ArrayNode allowed = names.putArray("enum");
      common.forEach(allowed::add);
      m.required().forEach(allowed::add);
      m.optional().forEach(allowed::add);
    }
    return all;
  }

  private static ObjectNode shape(Shape shape) {
    ObjectNode n = JSON.objectNode();
    switch (shape) {
      case Text t -> {
        n.set("type", JSON.arrayNode().add("string").add("number"));
        t.pattern().ifPresent(p -> {
          n.put("type", "string");
          n.put("pattern", p);
        });
      }
      case Int i -> {
        n.put("type", "integer");
        i.min().ifPresent(m -> n.put("minimum", m));
      }
      case Bool b -> n.put("type", "boolean");
      case Word w -> {
        ArrayNode words = n.putArray("enum");
        w.words().forEach(words::add);
      }
      case ListOf l -> {
        n.put("type", "array");
        n.set("items", shape(l.item()));
        if (l.minItems() > 0) n.put("minItems", l.minItems());
        l.maxItems().ifPresent(m -> n.put("maxItems", m));
      }
      case MapOf m -> {
        n.put("type", "object");
        n.set("additionalProperties", shape(m.value()));
        if (m.minEntries() > 0) n.put("minProperties", m.minEntries());
      }
      case Obj o -> n.put("$ref", "#/$defs/" + defName(o));
      case AnyOf a -> {
        ArrayNode any = n.putArray("anyOf");
        a.options().forEach(s -> any.add(shape(s)));
      }
      case Any a -> {}
    }
    return n;
  }
}
