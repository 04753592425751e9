package dev.weft.connector.files;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Source;
import dev.weft.connector.SourceRecord;
import dev.weft.connector.TransientException;
import dev.weft.formats.FormatException;
import dev.weft.formats.FormatOptions;
import dev.weft.formats.Formats;
import dev.weft.formats.MalformedDocumentException;
import dev.weft.formats.RecordReader;
import dev.weft.model.Source.After;
import dev.weft.model.SystemDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files of a folder that match the source's {@code files} glob, in name order (then
 * modification time), each streamed record by record. A record's position is
 * {@code <file name>:<record number>}; the checkpoint holds the finished files and how many
 * records of the current file are done, so a resumed run skips both.
 *
 * <p><b>Malformed records.</b> A record that cannot be parsed (a CSV row with broken quoting or
 * the wrong number of fields, an NDJSON line that is not an object) does not stop the run: it is
 * emitted as a record whose value is {@code {"_weft_error": "row 17: unterminated quote (line
 * 18)", "_weft_raw": "<the raw line>"}} ({@code _weft_raw} only when the format can give it), for
 * the engine to dead-letter. A file whose syntax breaks as a whole (JSON, XML) yields one such
 * record at the place it broke, and the run goes on with the next file.
 *
 * <p><b>After.</b> With {@code after: archive} or {@code delete}, a file is moved to
 * {@code archive/} beside it (a timestamp is added to the name when the archive already has one)
 * or deleted once a checkpoint in which it is finished has been committed, never before; files
 * still present at the start of a run that the stored checkpoint lists as finished (a crash
 * between commit and archive) are archived or deleted then.
 */
final class FileSource implements Source {
  private static final Logger LOG = LoggerFactory.getLogger(FileSource.class);
  static final String ERROR = "_weft_error";
  static final String RAW = "_weft_raw";

  private final FileStore store;
  private final SystemDef system;
  private final FormatOptions options;
  private final After after;
  private final String folder;
  private final PathMatcher glob;
  private final FileDisposal disposal;

  private boolean started;
  private String lastToken;
  private final List<FileEntry> finished = new ArrayList<>();
  private final Deque<FileEntry> queue = new ArrayDeque<>();
  private FileEntry current;
  private RecordReader reader;
  private long done;

  FileSource(FileStore store, SystemDef system, dev.weft.model.Source source) throws ConnectorException {
    this.store = store;
    this.system = system;
    this.options = FileFormats.options(system, source.records());
    this.after = source.after();
    String files = source.files().orElse("*");
    int slash = files.lastIndexOf('/');
    this.folder = slash < 0 ? "" : files.substring(0, slash);
    String pattern = slash < 0 ? files : files.substring(slash + 1);
    this.glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    this.disposal = new FileDisposal(store, after);
  }

  @Override
  public Batch read(Checkpoint from, int maxRecords) throws ConnectorException {
    if (!from.token().equals(lastToken)) restart(FilePosition.of(from));
    List<SourceRecord> records = new ArrayList<>(Math.min(maxRecords, 10_000));
    try {
      while (records.size() < maxRecords) {
        if (reader == null && !openNext()) break;
        nextRecord().ifPresent(records::add);
      }
    } catch (ConnectorException e) {
      lastToken = null;
      throw e;
    }
    FilePosition position = new FilePosition(finished, Optional.ofNullable(current), done);
    Checkpoint checkpoint = position.checkpoint();
    lastToken = checkpoint.token();
    boolean exhausted = reader == null && queue.isEmpty();
    return exhausted ? Batch.last(records, checkpoint) : Batch.more(records, checkpoint);
  }

  /**
   * One record of the current file, or the error record standing for a malformed one; empty when
   * the file has ended.
   */
  private Optional<SourceRecord> nextRecord() throws ConnectorException {
    try {
      Optional<Map<String, Object>> record = reader.next();
      if (record.isPresent()) return Optional.of(new SourceRecord(record.get(), position(++done)));
      finishCurrent();
      return Optional.empty();
    } catch (FormatException e) {
      return Optional.of(new SourceRecord(error(e.getMessage(), e.raw()), position(++done)));
    } catch (MalformedDocumentException e) {
      SourceRecord broken = new SourceRecord(error(current.name() + ": " + e.getMessage(), Optional.empty()), position(++done));
      LOG.warn("{} in {} cannot be read past record {}: {}", current.name(), store.describe(), done - 1, e.getMessage());
      finishCurrent();
      return Optional.of(broken);
    } catch (IOException e) {
      throw new TransientException("could not read " + current.name() + " in " + store.describe(), e);
    }
  }

  private static Map<String, Object> error(String message, Optional<String> raw) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put(ERROR, message);
    raw.ifPresent(r -> value.put(RAW, r));
    return value;
  }

  private String position(long record) {
    return current.name() + ":" + record;
  }

  private boolean openNext() throws ConnectorException {
    FileEntry next = queue.poll();
    if (next == null) return false;
    open(next);
    return true;
  }

  private void open(FileEntry file) throws ConnectorException {
    current = file;
    done = 0;
    InputStream in = store.open(file.name());
    try {
      reader = Formats.reader(FileFormats.of(system, file.name()), in, options);
    } catch (ConnectorException | RuntimeException e) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the open failure is what matters
      }
      throw e;
    }
    LOG.debug("reading {} from {}", file.name(), store.describe());
  }

  private void finishCurrent() {
    closeReader();
    finished.add(current);
    current = null;
    done = 0;
  }

  private void closeReader() {
    if (reader == null) return;
    try {
      reader.close();
    } catch (Exception e) {
      LOG.debug("closing {} failed: {}", current == null ? "a file" : current.name(), e.toString());
    }
    reader = null;
  }

  /** Lists the folder and positions the source at {@code position}. */
  private void restart(FilePosition position) throws ConnectorException {
    closeReader();
    current = null;
    done = 0;
    finished.clear();
    queue.clear();
    List<FileEntry> listing = new ArrayList<>(matching());
    listing.sort(FileEntry.ORDER);
    Set<FileEntry> present = new HashSet<>(listing);
    for (FileEntry f : position.finished()) if (present.contains(f)) finished.add(f);
    if (!started) {
      started = true;
      finished.removeAll(disposal.disposeAll(finished, listing));
    }
    Set<FileEntry> skip = new HashSet<>(position.finished());
    for (FileEntry f : listing) if (!skip.contains(f)) queue.add(f);
    Optional<FileEntry> resume = position.current();
    if (resume.isPresent() && present.contains(resume.get())) {
      queue.remove(resume.get());
      open(resume.get());
      skip(position.records());
    } else if (resume.isPresent()) {
      LOG.warn("{} changed or disappeared since the last checkpoint; reading the folder's files from their start", resume.get().name());
    }
  }

  private void skip(long records) throws ConnectorException {
    try {
      while (done < records) {
        try {
          if (reader.next().isEmpty()) break;
        } catch (FormatException e) {
          // counted like any record
        }
        done++;
      }
    } catch (MalformedDocumentException e) {
      finishCurrent();
    } catch (IOException e) {
      throw new TransientException("could not read " + current.name() + " in " + store.describe(), e);
    }
  }

  private List<FileEntry> matching() throws ConnectorException {
    List<FileEntry> files = new ArrayList<>();
    for (FileEntry f : store.list(folder)) {
      // hidden files include the temporary files of a writer that has not finished
      if (!f.baseName().startsWith(".") && glob.matches(Path.of(f.baseName()))) files.add(f);
    }
    return files;
  }

  @Override
  public void committed(Checkpoint checkpoint) throws ConnectorException {
    if (after == After.KEEP) return;
    List<FileEntry> committedFinished = FilePosition.of(checkpoint).finished();
    if (committedFinished.isEmpty()) return;
    List<FileEntry> disposed = disposal.disposeAll(committedFinished, matching());
    finished.removeAll(disposed);
  }

  @Override
  public void close() {
    closeReader();
    store.close();
  }
}
