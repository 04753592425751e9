package dev.weft.connector.files;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.TransientException;
import java.io.FileOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** A folder on this machine. */
final class LocalFileStore implements FileStore {
  private final Path root;

  LocalFileStore(Path root) throws ConfigException {
    this.root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) throw new ConfigException("the folder " + this.root + " does not exist or is not a folder");
  }

  private Path resolve(String name) {
    Path path = root.resolve(name).normalize();
    if (!path.startsWith(root)) throw new IllegalArgumentException("'" + name + "' leaves the folder " + root);
    return path;
  }

  @Override
  public String describe() {
    return root.toString();
  }

  @Override
  public List<FileEntry> list(String folder) throws ConnectorException {
    Path dir = resolve(folder);
    if (!Files.isDirectory(dir)) throw new ConfigException("the folder " + dir + " does not exist or is not a folder");
    List<FileEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) continue;
        String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        entries.add(new FileEntry(name, attributes.size(), attributes.lastModifiedTime().toMillis()));
      }
      return entries;
    } catch (IOException e) {
      throw new TransientException("could not list the folder " + dir, e);
    }
  }

  @Override
  public InputStream open(String name) throws ConnectorException {
    try {
      return Files.newInputStream(resolve(name));
    } catch (NoSuchFileException e) {
      throw new TransientException("the file " + name + " in " + root + " disappeared while the run read it", e);
    } catch (IOException e) {
      throw new TransientException("could not open " + name + " in " + root, e);
    }
  }

  @Override
  public OutputStream create(String name) throws ConnectorException {
    try {
      return new BufferedOutputStream(new SyncedFileOutputStream(resolve(name).toFile()), 1 << 16);
    } catch (IOException e) {
      throw new ConfigException("could not create " + name + " in " + root, e);
    }
  }

  @Override
  public void rename(String from, String to) throws ConnectorException {
    try {
      try {
        Files.move(resolve(from), resolve(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(resolve(from), resolve(to), StandardCopyOption.REPLACE_EXISTING);
      }
      syncFolder(resolve(to).getParent());
    } catch (IOException e) {
      throw new TransientException("could not rename " + from + " to " + to + " in " + root, e);
    }
  }

  private static void syncFolder(Path folder) {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(folder, java.nio.file.StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some systems cannot sync a folder; the rename itself is done
    }
  }

  @Override
  public void delete(String name) throws ConnectorException {
    try {
      Files.deleteIfExists(resolve(name));
    } catch (IOException e) {
      throw new TransientException("could not delete " + name + " in " + root, e);
    }
  }

  @Override
  public boolean exists(String name) {
    return Files.exists(resolve(name));
  }

  @Override
  public void createFolder(String folder) throws ConnectorException {
    try {
      Files.createDirectories(resolve(folder));
    } catch (IOException e) {
      throw new ConfigException("could not create the folder " + folder + " in " + root, e);
    }
  }

  @Override
  public void close() {}

  /** Forces the bytes to the disk when closed, so a rename after it never shows a partial file. */
  private static final class SyncedFileOutputStream extends FileOutputStream {
    SyncedFileOutputStream(java.io.File file) throws java.io.FileNotFoundException {
      super(file);
    }

    @Override
    public void close() throws IOException {
      try {
        getFD().sync();
      } finally {
        super.close();
      }
    }
  }
}
