package dev.weft.formats.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.weft.formats.RecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** One JSON object per line, each line ended by {@code \n}. */
public final class NdjsonRecordWriter implements RecordWriter {
  private final JsonGenerator g;

  public NdjsonRecordWriter(OutputStream out) throws IOException {
    this.g = JsonTrees.FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
  }

  @Override
  public void write(Map<String, Object> record) throws IOException {
    JsonTrees.write(g, record);
  }

  @Override
  public void finish() throws IOException {
    if (g.getOutputContext().getEntryCount() > 0) g.writeRaw('\n');
    g.flush();
    g.close();
  }
}
