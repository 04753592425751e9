package dev.weft.formats.internal;

import dev.weft.formats.FormatException;
import dev.weft.formats.MalformedDocumentException;
import dev.weft.formats.FormatOptions;
import dev.weft.formats.RecordReader;
import dev.weft.model.RecordPath;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the repeated element at the records path ({@code Invoices.Invoice}: the root's name
 * first; the root may be left out) with StAX, turning each into a tree. Without a path the
 * records are the root's children (only those named {@code xmlElement} when it is set). DTDs and
 * external entities are refused.
 */
public final class XmlRecordReader implements RecordReader {
  private static final XMLInputFactory FACTORY = factory();

  private final InputStream in;
  private XMLStreamReader xml;
  private final List<String> path;
  private final Optional<String> element;
  private final List<String> stack = new ArrayList<>();
  private long read;

  /** Reads nothing yet: the prolog is parsed at the first {@link #next}. */
  public XmlRecordReader(InputStream in, FormatOptions options) {
    this.in = in;
    this.path = options.records().map(XmlRecordReader::names).orElse(List.of());
    this.element = options.xmlElement();
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  private static List<String> names(String records) {
    List<String> names = new ArrayList<>();
    for (RecordPath.Step step : RecordPath.of(records).steps()) if (step instanceof RecordPath.Field f) names.add(f.name());
    return names;
  }

  @Override
  public Optional<Map<String, Object>> next() throws IOException, FormatException {
    try {
      if (xml == null) xml = FACTORY.createXMLStreamReader(in);
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          stack.add(xml.getLocalName());
          if (isRecord()) {
            Object tree = element(xml);
            stack.removeLast();
            read++;
            return Optional.of(asRecord(tree));
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          stack.removeLast();
        }
      }
      return Optional.empty();
    } catch (XMLStreamException e) {
      throw new MalformedDocumentException("malformed XML after record " + read + ": " + e.getMessage(), e);
    }
  }

  private boolean isRecord() {
    if (path.isEmpty()) return stack.size() == 2 && element.map(stack.get(1)::equals).orElse(true);
    if (stack.equals(path)) return true;
    return stack.size() == path.size() + 1 && !path.getFirst().equals(stack.getFirst()) && stack.subList(1, stack.size()).equals(path);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asRecord(Object tree) {
    if (tree instanceof Map<?, ?> m) return (Map<String, Object>) m;
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("#text", tree);
    return map;
  }

  /** The whole document as {@code {rootName: tree}}. */
  public static Map<String, Object> readDocument(InputStream in) throws IOException {
    try {
      XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT) {
            Map<String, Object> doc = new LinkedHashMap<>();
            String name = xml.getLocalName();
            doc.put(name, element(xml));
            return doc;
          }
        }
        throw new IOException("the XML document has no root element");
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new MalformedDocumentException("malformed XML: " + e.getMessage(), e);
    }
  }

  /**
   * The element at the reader's START_ELEMENT, read up to its END_ELEMENT: a string when it has
   * only text, else a map of {@code @attributes}, child fields (lists when repeated) and
   * {@code #text}.
   */
  static Object element(XMLStreamReader xml) throws XMLStreamException {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < xml.getAttributeCount(); i++) fields.put("@" + xml.getAttributeLocalName(i), xml.getAttributeValue(i));
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> add(fields, xml.getLocalName(), element(xml));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          if (fields.isEmpty()) return text.toString();
          String content = text.toString().strip();
          if (!content.isEmpty()) fields.put("#text", content);
          return fields;
        }
        default -> {}
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void add(Map<String, Object> fields, String name, Object value) {
    Object existing = fields.get(name);
    if (existing == null && !fields.containsKey(name)) fields.put(name, value);
    else if (existing instanceof RepeatedElements list) list.add(value);
    else {
      RepeatedElements list = new RepeatedElements();
      list.add(existing);
      list.add(value);
      fields.put(name, list);
    }
  }

  /** Marks lists made from repeated elements, so that a third repeat appends. */
  private static final class RepeatedElements extends ArrayList<Object> {}

  @Override
  public long recordsRead() {
    return read;
  }

  @Override
  public void close() throws IOException {
    try (in) {
      if (xml != null) xml.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
