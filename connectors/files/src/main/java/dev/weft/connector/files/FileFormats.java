package dev.weft.connector.files;

import dev.weft.connector.ConfigException;
import dev.weft.formats.FormatOptions;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.Format;
import java.util.Locale;
import java.util.Optional;

/** The format of a file: the system's {@code format}, else the file name's extension. */
final class FileFormats {
  private FileFormats() {}

  static Format of(SystemDef system, String fileName) throws ConfigException {
    if (system.format().isPresent()) return system.format().get();
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) return Format.CSV;
    if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return Format.NDJSON;
    if (lower.endsWith(".json")) return Format.JSON;
    if (lower.endsWith(".xml")) return Format.XML;
    throw new ConfigException("system " + system.id() + " has no format and the file name " + fileName + " does not tell one (.csv, .json, .ndjson, .xml): set format");
  }

  static FormatOptions options(SystemDef system, Optional<String> records) throws ConfigException {
    try {
      return FormatOptions.from(system.options(), records);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("system " + system.id() + ": " + e.getMessage());
    }
  }
}
