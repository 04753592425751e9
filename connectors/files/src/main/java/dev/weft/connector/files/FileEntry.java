package dev.weft.connector.files;

import java.util.Comparator;
import java.util.Objects;

/**
 * A file in a folder, named relative to the system's folder. Name, size and modification time
 * together say "the same file": a file rewritten under the same name is read again.
 */
record FileEntry(String name, long size, long modifiedMillis) {
  static final Comparator<FileEntry> ORDER =
      Comparator.comparing(FileEntry::name).thenComparingLong(FileEntry::modifiedMillis);

  FileEntry {
    Objects.requireNonNull(name, "name");
  }

  /** The file name without its folder. */
  String baseName() {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
