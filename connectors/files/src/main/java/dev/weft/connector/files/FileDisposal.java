package dev.weft.connector.files;

import dev.weft.connector.ConnectorException;
import dev.weft.model.Source.After;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Archives or deletes source files whose records are committed ({@code after}). */
final class FileDisposal {
  private static final Logger LOG = LoggerFactory.getLogger(FileDisposal.class);
  static final String ARCHIVE = "archive";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final FileStore store;
  private final After after;

  FileDisposal(FileStore store, After after) {
    this.store = store;
    this.after = after;
  }

  /**
   * Archives or deletes each of {@code files} that is still in {@code listing} unchanged (same
   * size and time: a file rewritten under the same name is left to be read again).
   *
   * @return the files that are gone from the folder now
   */
  List<FileEntry> disposeAll(List<FileEntry> files, List<FileEntry> listing) throws ConnectorException {
    if (after == After.KEEP) return List.of();
    Map<String, FileEntry> byName = new HashMap<>();
    for (FileEntry f : listing) byName.put(f.name(), f);
    List<FileEntry> gone = new ArrayList<>();
    for (FileEntry file : files) {
      FileEntry now = byName.get(file.name());
      if (now == null) {
        gone.add(file);
      } else if (now.equals(file)) {
        dispose(file);
        gone.add(file);
      } else {
        LOG.warn("{} in {} changed after it was read; it is kept and will be read again", file.name(), store.describe());
      }
    }
    return gone;
  }

  private void dispose(FileEntry file) throws ConnectorException {
    if (after == After.DELETE) {
      store.delete(file.name());
      LOG.info("deleted {} from {}", file.name(), store.describe());
      return;
    }
    String folder = file.name().length() > file.baseName().length() ? file.name().substring(0, file.name().length() - file.baseName().length()) : "";
    String archive = folder + ARCHIVE;
    store.createFolder(archive);
    String target = archive + "/" + file.baseName();
    if (store.exists(target)) target = archive + "/" + stamped(file.baseName());
    store.rename(file.name(), target);
    LOG.info("archived {} to {} in {}", file.name(), target, store.describe());
  }

  /** {@code orders.csv} becomes {@code orders.20261127T213000123Z.csv}. */
  static String stamped(String name) {
    String stamp = STAMP.format(java.time.Instant.now());
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name + "." + stamp : name.substring(0, dot) + "." + stamp + name.substring(dot);
  }
}
