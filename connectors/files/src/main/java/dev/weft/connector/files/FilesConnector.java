package dev.weft.connector.files;

import dev.weft.connector.ConfigException;
import dev.weft.connector.Connector;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkContext;
import dev.weft.connector.Source;
import dev.weft.connector.SourceContext;
import dev.weft.model.SystemDef;
import java.net.URI;
import java.nio.file.Path;

/**
 * Local folders ({@code file:///srv/drop}, {@code file:relative/folder}) and SFTP folders
 * ({@code sftp://host:22/inbox}, auth {@code password} or {@code ssh-key}). See {@link FileSource}
 * and {@link FileSink}.
 */
public final class FilesConnector implements Connector {

  @Override
  public String name() {
    return "files";
  }

  @Override
  public boolean accepts(SystemDef system) {
    String scheme = system.scheme();
    return scheme.equals("file") || scheme.equals("sftp");
  }

  @Override
  public Source openSource(SourceContext context) throws ConnectorException {
    if (context.source().files().isEmpty()) throw new ConfigException("flow " + context.flow().id() + ": a file source needs files (a glob such as orders-*.csv)");
    FileStore store = store(context.system());
    try {
      return new FileSource(store, context.system(), context.source());
    } catch (ConnectorException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  @Override
  public Sink openSink(SinkContext context) throws ConnectorException {
    String file = context.target().file().orElseThrow(() -> new ConfigException("flow " + context.flow().id() + ": a file target needs file (a name such as orders-{{run.date}}.csv)"));
    FileStore store = store(context.system());
    try {
      return new FileSink(store, context.system(), file, context.run());
    } catch (ConnectorException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  static FileStore store(SystemDef system) throws ConnectorException {
    return switch (system.scheme()) {
      case "file" -> new LocalFileStore(localPath(system));
      case "sftp" -> new SftpFileStore(system);
      default -> throw new ConfigException("system " + system.id() + ": the files connector reads file: and sftp: URLs, not " + system.url());
    };
  }

  private static Path localPath(SystemDef system) throws ConfigException {
    String url = system.url();
    try {
      if (url.startsWith("file://")) return Path.of(URI.create(url));
      return Path.of(url.substring("file:".length()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("system " + system.id() + ": '" + url + "' is not a usable file URL (write file:///absolute/folder)");
    }
  }
}
