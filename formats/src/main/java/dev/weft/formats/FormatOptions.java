package dev.weft.formats;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a document is laid out, beyond its format.
 *
 * @param records where the repeated records are: a dotted path such as {@code orders} (JSON) or
 *     {@code Invoices.Invoice} (XML, the root element's name first); empty means the whole
 *     document (a JSON array's elements, a single JSON object, the XML root's children)
 * @param delimiter CSV field delimiter
 * @param header whether a CSV file starts with a header row (without one, columns are named
 *     {@code column1}, {@code column2}, ...)
 * @param quote CSV quote character
 * @param xmlRoot the XML root element written (default: the first step of {@code records}, else
 *     {@code records})
 * @param xmlElement the XML element written per record (default: the last step of {@code
 *     records}, else {@code record}); when reading without {@code records}, only the root's
 *     children with this name are records
 */
public record FormatOptions(
    Optional<String> records,
    char delimiter,
    boolean header,
    char quote,
    Optional<String> xmlRoot,
    Optional<String> xmlElement) {

  public FormatOptions {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(xmlRoot, "xmlRoot");
    Objects.requireNonNull(xmlElement, "xmlElement");
    records = records.filter(r -> !r.isBlank());
    if (delimiter == quote) throw new IllegalArgumentException("delimiter and quote are both '" + quote + "'");
    if (delimiter == '\n' || delimiter == '\r') throw new IllegalArgumentException("delimiter cannot be a line break");
  }

  public static FormatOptions defaults() {
    return new FormatOptions(Optional.empty(), ',', true, '"', Optional.empty(), Optional.empty());
  }

  /**
   * Reads the format keys of a system's {@code options}: {@code delimiter} (one character, or
   * {@code \t} / {@code tab}), {@code header} (boolean), {@code quote}, {@code xml_root},
   * {@code xml_element}. Other keys are ignored; absent keys take the defaults.
   *
   * @throws IllegalArgumentException naming the option when a value is unusable
   */
  public static FormatOptions from(Map<String, Object> systemOptions, Optional<String> records) {
    FormatOptions d = defaults();
    return new FormatOptions(
        records,
        character(systemOptions, "delimiter", d.delimiter()),
        bool(systemOptions, "header", d.header()),
        character(systemOptions, "quote", d.quote()),
        text(systemOptions, "xml_root"),
        text(systemOptions, "xml_element"));
  }

  public FormatOptions withRecords(Optional<String> records) {
    return new FormatOptions(records, delimiter, header, quote, xmlRoot, xmlElement);
  }

  private static char character(Map<String, Object> options, String key, char fallback) {
    Object value = options.get(key);
    if (value == null) return fallback;
    String s = String.valueOf(value);
    if (s.equals("\\t") || s.equalsIgnoreCase("tab")) return '\t';
    if (s.length() != 1) throw new IllegalArgumentException("options." + key + " must be one character, got '" + s + "'");
    return s.charAt(0);
  }

  private static boolean bool(Map<String, Object> options, String key, boolean fallback) {
    Object value = options.get(key);
    if (value == null) return fallback;
    if (value instanceof Boolean b) return b;
    String s = String.valueOf(value).trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("true")) return true;
    if (s.equals("false")) return false;
    throw new IllegalArgumentException("options." + key + " must be true or false, got '" + value + "'");
  }

  private static Optional<String> text(Map<String, Object> options, String key) {
    return Optional.ofNullable(options.get(key)).map(String::valueOf).filter(s -> !s.isBlank());
  }
}
