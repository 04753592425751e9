package dev.weft.connector.files;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.TransientException;
import dev.weft.model.SystemDef;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/** A folder on an SFTP server; one SSH session per store. */
final class SftpFileStore implements FileStore {
  private static final int BUFFER = 1 << 16;

  private final SftpLogin.Opened login;
  private final SftpClient sftp;
  private final String root;
  private final String where;

  SftpFileStore(SystemDef system) throws ConnectorException {
    this.login = SftpLogin.open(system);
    String path = system.uri().map(u -> u.getPath()).orElse("");
    this.root = path.isEmpty() ? "." : (path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path);
    java.net.URI uri = system.uri().orElseThrow();
    this.where = "sftp://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 22 : uri.getPort()) + root;
    try {
      this.sftp = SftpClientFactory.instance().createSftpClient(login.session());
    } catch (IOException e) {
      close();
      throw new TransientException("could not start SFTP on " + where, e);
    }
    try {
      if (!sftp.stat(root).isDirectory()) {
        close();
        throw new ConfigException("the SFTP path " + where + " is not a folder");
      }
    } catch (IOException e) {
      close();
      throw failure("the SFTP folder " + where + " does not exist", e, true);
    }
  }

  private String path(String name) {
    if (name.isEmpty()) return root;
    if (name.contains("..")) throw new IllegalArgumentException("'" + name + "' leaves the folder " + where);
    return root.equals("/") ? "/" + name : root + "/" + name;
  }

  /** A missing file or folder is a config problem when {@code missingIsConfig}; other failures are transient. */
  private ConnectorException failure(String message, IOException e, boolean missingIsConfig) {
    if (e instanceof SftpException s && missingIsConfig
        && (s.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || s.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH)) {
      return new ConfigException(message, e);
    }
    if (e instanceof SftpException s && s.getStatus() == SftpConstants.SSH_FX_PERMISSION_DENIED) {
      return new ConfigException(message + " (permission denied)", e);
    }
    return new TransientException(message, e);
  }

  @Override
  public String describe() {
    return where;
  }

  @Override
  public List<FileEntry> list(String folder) throws ConnectorException {
    List<FileEntry> entries = new ArrayList<>();
    try {
      for (SftpClient.DirEntry entry : sftp.readDir(path(folder))) {
        SftpClient.Attributes a = entry.getAttributes();
        if (!a.isRegularFile()) continue;
        String name = folder.isEmpty() ? entry.getFilename() : folder + "/" + entry.getFilename();
        long modified = a.getModifyTime() == null ? 0 : a.getModifyTime().toMillis();
        entries.add(new FileEntry(name, a.getSize(), modified));
      }
      return entries;
    } catch (IOException e) {
      throw failure("could not list the SFTP folder " + path(folder) + " on " + where, e, true);
    }
  }

  @Override
  public InputStream open(String name) throws ConnectorException {
    try {
      return new BufferedInputStream(sftp.read(path(name), BUFFER), BUFFER);
    } catch (IOException e) {
      throw failure("could not open " + name + " on " + where, e, false);
    }
  }

  @Override
  public OutputStream create(String name) throws ConnectorException {
    try {
      return new BufferedOutputStream(
          sftp.write(path(name), BUFFER, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create, SftpClient.OpenMode.Truncate), BUFFER);
    } catch (IOException e) {
      throw failure("could not create " + name + " on " + where, e, true);
    }
  }

  @Override
  public void rename(String from, String to) throws ConnectorException {
    try {
      OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
      if (posix != null && posix.isSupported()) {
        posix.posixRename(path(from), path(to));
        return;
      }
      if (sftp.getVersion() >= SftpConstants.SFTP_V5) {
        sftp.rename(path(from), path(to), SftpClient.CopyMode.Atomic, SftpClient.CopyMode.Overwrite);
        return;
      }
      // SFTP v3 without posix-rename cannot replace: remove the old file first (not atomic)
      if (exists(to)) sftp.remove(path(to));
      sftp.rename(path(from), path(to));
    } catch (IOException e) {
      throw failure("could not rename " + from + " to " + to + " on " + where, e, false);
    }
  }

  @Override
  public void delete(String name) throws ConnectorException {
    try {
      sftp.remove(path(name));
    } catch (SftpException e) {
      if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) throw failure("could not delete " + name + " on " + where, e, false);
    } catch (IOException e) {
      throw failure("could not delete " + name + " on " + where, e, false);
    }
  }

  @Override
  public boolean exists(String name) throws ConnectorException {
    try {
      sftp.stat(path(name));
      return true;
    } catch (SftpException e) {
      if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) return false;
      throw failure("could not look at " + name + " on " + where, e, false);
    } catch (IOException e) {
      throw failure("could not look at " + name + " on " + where, e, false);
    }
  }

  @Override
  public void createFolder(String folder) throws ConnectorException {
    String done = "";
    for (String part : folder.split("/")) {
      if (part.isEmpty()) continue;
      done = done.isEmpty() ? part : done + "/" + part;
      if (exists(done)) continue;
      try {
        sftp.mkdir(path(done));
      } catch (IOException e) {
        throw failure("could not create the folder " + done + " on " + where, e, false);
      }
    }
  }

  @Override
  public void close() {
    try {
      if (sftp != null) sftp.close();
    } catch (IOException ignored) {
      // the session is closed next, which ends the channel anyway
    }
    login.session().close(true);
    login.client().stop();
  }
}
