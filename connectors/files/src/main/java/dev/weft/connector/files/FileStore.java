package dev.weft.connector.files;

import dev.weft.connector.ConnectorException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A folder, local or over SFTP. Names are relative to the folder and use {@code /}. Failures are
 * connector errors: unreachable server {@code TransientException}, missing folder or refused
 * login {@code ConfigException}.
 */
interface FileStore extends AutoCloseable {

  /** Where this is, for messages (never with credentials). */
  String describe();

  /** The regular files directly in {@code folder} ("" for the root), names relative to the root. */
  List<FileEntry> list(String folder) throws ConnectorException;

  InputStream open(String name) throws ConnectorException;

  /** Creates or truncates {@code name} for writing; {@code close()} of the stream makes the bytes durable. */
  OutputStream create(String name) throws ConnectorException;

  /** Renames, replacing {@code to} if it exists (atomically where the server can). */
  void rename(String from, String to) throws ConnectorException;

  void delete(String name) throws ConnectorException;

  boolean exists(String name) throws ConnectorException;

  /** Creates the folder (and its parents) when missing. */
  void createFolder(String folder) throws ConnectorException;

  @Override
  void close();
}
