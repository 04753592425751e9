package dev.weft.formats.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.weft.formats.FormatException;
import dev.weft.formats.RecordReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** One JSON object per line; blank lines are skipped; a bad line is one malformed record. */
public final class NdjsonRecordReader implements RecordReader {
  private final BufferedReader lines;
  private long read;

  public NdjsonRecordReader(InputStream in) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public Optional<Map<String, Object>> next() throws IOException, FormatException {
    String line;
    do {
      line = lines.readLine();
      if (line == null) return Optional.empty();
    } while (line.isBlank());
    read++;
    try (JsonParser p = JsonTrees.FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new FormatException(read, "is not a JSON object", Optional.of(line));
      Map<String, Object> record = JsonTrees.object(p);
      if (p.nextToken() != null) throw new FormatException(read, "has content after the JSON object", Optional.of(line));
      return Optional.of(record);
    } catch (JsonProcessingException e) {
      throw new FormatException(read, "invalid JSON: " + e.getOriginalMessage(), Optional.of(line), e);
    }
  }

  @Override
  public long recordsRead() {
    return read;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
