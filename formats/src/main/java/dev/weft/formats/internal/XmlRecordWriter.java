package dev.weft.formats.internal;

import dev.weft.formats.FormatOptions;
import dev.weft.formats.RecordWriter;
import dev.weft.model.RecordPath;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XML: {@code <root><element>...</element>...</root>}. The names come from {@code xml_root} and
 * {@code xml_element}, else from the records path ({@code Invoices.Invoice}), else {@code records}
 * and {@code record}. Keys {@code @name} are attributes, {@code #text} is text, lists repeat the
 * element, null is an empty element; names that are not XML names have their bad characters
 * replaced by {@code _}.
 */
public final class XmlRecordWriter implements RecordWriter {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private final XMLStreamWriter xml;
  private final List<String> wrappers;
  private final String element;

  public XmlRecordWriter(OutputStream out, FormatOptions options) throws IOException {
    List<String> steps = new ArrayList<>();
    options.records().ifPresent(r -> RecordPath.of(r).steps().forEach(s -> {
      if (s instanceof RecordPath.Field f) steps.add(f.name());
    }));
    this.element = options.xmlElement().orElse(steps.isEmpty() ? "record" : steps.getLast());
    this.wrappers = options.xmlRoot().map(List::of).orElse(steps.size() >= 2 ? steps.subList(0, steps.size() - 1) : List.of("records"));
    try {
      xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      for (String wrapper : wrappers) xml.writeStartElement(name(wrapper));
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void write(Map<String, Object> record) throws IOException {
    try {
      value(element, record);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void value(String name, Object value) throws XMLStreamException {
    switch (value) {
      case null -> xml.writeEmptyElement(name(name));
      case Map<?, ?> m -> {
        xml.writeStartElement(name(name));
        for (Map.Entry<?, ?> e : m.entrySet()) {
          String key = String.valueOf(e.getKey());
          if (key.startsWith("@") && key.length() > 1) xml.writeAttribute(name(key.substring(1)), text(e.getValue()));
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
          String key = String.valueOf(e.getKey());
          if (key.equals("#text")) xml.writeCharacters(text(e.getValue()));
          else if (!(key.startsWith("@") && key.length() > 1)) value(key, e.getValue());
        }
        xml.writeEndElement();
      }
      case Iterable<?> list -> {
        for (Object item : list) value(name, item);
      }
      default -> {
        xml.writeStartElement(name(name));
        xml.writeCharacters(text(value));
        xml.writeEndElement();
      }
    }
  }

  private static String text(Object value) {
    return switch (value) {
      case null -> "";
      case BigDecimal d -> d.toPlainString();
      case Map<?, ?> m -> JsonTrees.toJson(m);
      case Iterable<?> l -> JsonTrees.toJson(l);
      default -> String.valueOf(value);
    };
  }

  static String name(String name) {
    StringBuilder out = new StringBuilder(name.length() + 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
      out.append(ok ? c : '_');
    }
    if (out.isEmpty() || !(Character.isLetter(out.charAt(0)) || out.charAt(0) == '_')) out.insert(0, '_');
    return out.toString();
  }

  @Override
  public void finish() throws IOException {
    try {
      for (int i = 0; i < wrappers.size(); i++) xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
