package dev.weft.connector.files;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.RunInfo;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.SystemException;
import dev.weft.connector.WriteResult;
import dev.weft.formats.FormatOptions;
import dev.weft.formats.Formats;
import dev.weft.formats.RecordWriter;
import dev.weft.model.SystemDef;
import dev.weft.model.Template;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's records to one file named by the target's {@code file} template
 * ({@code {{run.date}}}: the run's UTC start date, {@code {{run.id}}}). Records go to
 * {@code .NAME.weft-tmp} beside it, which {@link #finish} makes durable and renames into place
 * (replacing an older file of that name); {@link #abort} removes it. So the file appears whole or
 * not at all.
 */
final class FileSink implements Sink {
  private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final FileStore store;
  private final SystemDef system;
  private final FormatOptions options;
  private final String name;
  private final String temporary;
  private OutputStream out;
  private RecordWriter writer;
  private long written;
  private boolean complete;

  FileSink(FileStore store, SystemDef system, String template, RunInfo run) throws ConnectorException {
    this.store = store;
    this.system = system;
    this.options = FileFormats.options(system, java.util.Optional.empty());
    this.name = fileName(template, run);
    if (name.isBlank() || name.endsWith("/")) throw new ConfigException("target file '" + template + "' gives an empty file name");
    FileFormats.of(system, name);
    int slash = name.lastIndexOf('/');
    this.temporary = name.substring(0, slash + 1) + "." + name.substring(slash + 1) + ".weft-tmp";
    if (slash > 0) store.createFolder(name.substring(0, slash));
  }

  static String fileName(String template, RunInfo run) {
    return Template.render(template, key -> switch (key) {
      case "run.date" -> DATE.format(run.startedAt());
      case "run.id" -> run.runId();
      case "run.instance" -> run.instance();
      case "integration.id" -> run.integrationId();
      default -> null;
    });
  }

  /** The file's final name. */
  String name() {
    return name;
  }

  @Override
  public Commit commit() {
    return Commit.AT_END;
  }

  @Override
  public WriteResult write(List<SinkRecord> batch) throws ConnectorException {
    try {
      if (writer == null) start();
      for (SinkRecord record : batch) writer.write(record.value());
      written += batch.size();
      return WriteResult.all(batch.size());
    } catch (IOException e) {
      // part of the batch may be in the file: writing it again would double those records, so
      // the run stops and its next attempt rewrites the whole file
      throw new SystemException("could not write " + temporary + " in " + store.describe(), e);
    }
  }

  private void start() throws ConnectorException {
    out = store.create(temporary);
    try {
      writer = Formats.writer(FileFormats.of(system, name), out, options);
    } catch (java.io.UncheckedIOException e) {
      throw new SystemException("could not start " + temporary + " in " + store.describe(), e.getCause());
    }
  }

  /** Completes and syncs the temporary file once, then renames it; a retry only renames again. */
  @Override
  public void finish() throws ConnectorException {
    if (!complete) {
      try {
        if (writer == null) start();
        writer.finish();
        writer.close();
        out.close();
        out = null;
        complete = true;
      } catch (IOException e) {
        throw new SystemException("could not complete " + temporary + " in " + store.describe(), e);
      }
    }
    store.rename(temporary, name);
    LOG.info("wrote {} records to {} in {}", written, name, store.describe());
  }

  @Override
  public void abort() {
    try {
      if (out != null) out.close();
    } catch (IOException e) {
      LOG.debug("closing {} failed: {}", temporary, e.toString());
    }
    out = null;
    try {
      store.delete(temporary);
    } catch (ConnectorException e) {
      LOG.warn("could not remove {} in {}: {}", temporary, store.describe(), e.userMessage());
    }
  }

  @Override
  public void close() {
    if (out != null) abort();
    store.close();
  }
}
