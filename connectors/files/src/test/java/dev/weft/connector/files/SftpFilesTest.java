package dev.weft.connector.files;

import static dev.weft.connector.files.Fixtures.drain;
import static dev.weft.connector.files.Fixtures.positions;
import static dev.weft.connector.files.Fixtures.sinkContext;
import static dev.weft.connector.files.Fixtures.source;
import static dev.weft.connector.files.Fixtures.sourceContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.Sink;
import dev.weft.connector.SinkRecord;
import dev.weft.connector.Source;
import dev.weft.connector.TransientException;
import dev.weft.model.Auth;
import dev.weft.model.Source.After;
import dev.weft.model.SystemDef;
import dev.weft.model.SystemDef.Format;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an in-process MINA SSHD server with SFTP over a temporary folder, on 127.0.0.1. */
class SftpFilesTest {
  private static final String PASSWORD = "s3cret-pass";
  private static SshServer server;
  private static KeyPair clientKey;
  private static String hostKeyFingerprint;
  @TempDir static Path root;

  private final FilesConnector connector = new FilesConnector();

  @BeforeAll
  static void startServer() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    clientKey = generator.generateKeyPair();
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
    server.setPasswordAuthenticator((user, password, session) -> user.equals("weft") && password.equals(PASSWORD));
    server.setPublickeyAuthenticator((user, key, session) -> user.equals("weft") && KeyUtils.compareKeys(key, clientKey.getPublic()));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    server.start();
    hostKeyFingerprint = SftpLogin.fingerprint(server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic());
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop(true);
  }

  @BeforeEach
  void folders() throws Exception {
    Files.createDirectories(root.resolve("inbox"));
    Files.createDirectories(root.resolve("outbox"));
  }

  private static SystemDef sftp(String path, Auth auth, Map<String, Object> options) {
    return Fixtures.system("sftp://127.0.0.1:" + server.getPort() + path, Format.CSV, auth, options);
  }

  private static Auth password(String password) {
    return new Auth.Password(Auth.Scope.SYSTEM, "weft", password);
  }

  private static String openSshKey(KeyPair pair) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "weft test", null, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void readsWithAPasswordAndArchivesAfterCommit() throws Exception {
    Files.writeString(root.resolve("inbox/orders-1.csv"), "id,total\n1,10\n2,\"x\n3,30\n");
    Files.writeString(root.resolve("inbox/orders-2.csv"), "id,total\n4,40\n");
    SystemDef system = sftp("/inbox", password(PASSWORD), Map.of());
    try (Source source = connector.openSource(sourceContext(system, source("orders-*.csv", null, After.ARCHIVE)))) {
      Batch first = source.read(Checkpoint.START, 2);
      assertThat(root.resolve("inbox/orders-1.csv")).exists();
      List<Batch> rest = drain(source, first.after(), 2, true);
      assertThat(first.records()).extracting(r -> r.position()).containsExactly("orders-1.csv:1", "orders-1.csv:2");
      assertThat(first.records().get(1).value()).containsEntry("_weft_error", "row 2: unterminated quote (line 3)");
      assertThat(positions(rest)).containsExactly("orders-1.csv:3", "orders-2.csv:1");
    }
    assertThat(root.resolve("inbox/orders-1.csv")).doesNotExist();
    assertThat(root.resolve("inbox/archive/orders-1.csv")).exists();
    assertThat(root.resolve("inbox/archive/orders-2.csv")).hasContent("id,total\n4,40");
  }

  @Test
  void writesWithAKeyAndAPinnedHostKeyAndReplacesTheOldFileAtTheEnd() throws Exception {
    Files.writeString(root.resolve("outbox/out-2026-11-27.csv"), "old");
    Auth key = new Auth.SshKey(Auth.Scope.SYSTEM, "weft", openSshKey(clientKey), java.util.Optional.empty());
    SystemDef system = sftp("/outbox", key, Map.of("host_key", hostKeyFingerprint));
    try (Sink sink = connector.openSink(sinkContext(system, "out-{{run.date}}.csv"))) {
      sink.write(List.of(new SinkRecord(Map.of("id", 1), "a"), new SinkRecord(Map.of("id", 2), "b")));
      assertThat(root.resolve("outbox/.out-2026-11-27.csv.weft-tmp")).exists();
      assertThat(root.resolve("outbox/out-2026-11-27.csv")).hasContent("old");
      sink.finish();
    }
    assertThat(root.resolve("outbox/out-2026-11-27.csv")).hasContent("id\n1\n2");
    assertThat(root.resolve("outbox/.out-2026-11-27.csv.weft-tmp")).doesNotExist();
  }

  @Test
  void abortRemovesTheUploadedTemporaryFile() throws Exception {
    SystemDef system = sftp("/outbox", password(PASSWORD), Map.of());
    try (Sink sink = connector.openSink(sinkContext(system, "aborted.csv"))) {
      sink.write(List.of(new SinkRecord(Map.of("id", 1), "a")));
      sink.abort();
    }
    assertThat(root.resolve("outbox/.aborted.csv.weft-tmp")).doesNotExist();
    assertThat(root.resolve("outbox/aborted.csv")).doesNotExist();
  }

  @Test
  void aWrongPasswordIsAConfigErrorThatDoesNotShowThePassword() {
    SystemDef system = sftp("/inbox", password("wrong-horse-battery"), Map.of());
    assertThatThrownBy(() -> connector.openSource(sourceContext(system, source("*.csv", null, After.KEEP))))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("wrong-horse-battery")
        .extracting(e -> ((ConnectorException) e).userMessage()).asString()
        .contains("refused the login of user 'weft'")
        .doesNotContain("wrong-horse-battery");
  }

  @Test
  void anUnexpectedHostKeyIsRefused() {
    SystemDef system = sftp("/inbox", password(PASSWORD), Map.of("host_key", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    assertThatThrownBy(() -> connector.openSource(sourceContext(system, source("*.csv", null, After.KEEP))))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((ConnectorException) e).userMessage()).asString()
        .contains("host key");
  }

  @Test
  void aMissingFolderIsAConfigError() {
    SystemDef system = sftp("/nowhere", password(PASSWORD), Map.of());
    assertThatThrownBy(() -> connector.openSource(sourceContext(system, source("*.csv", null, After.KEEP))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("/nowhere does not exist");
  }

  @Test
  void aRefusedConnectionIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    SystemDef system = Fixtures.system("sftp://127.0.0.1:" + closedPort + "/inbox", Format.CSV, password(PASSWORD), Map.of());
    assertThatThrownBy(() -> connector.openSource(sourceContext(system, source("*.csv", null, After.KEEP))))
        .isInstanceOf(TransientException.class)
        .extracting(e -> ((ConnectorException) e).userMessage()).asString()
        .isEqualTo("could not reach the SFTP server sftp://127.0.0.1:" + closedPort);
  }

  @Test
  void aKnownHostsFileListingTheServerIsAcceptedAndOneWithoutItIsNot() throws Exception {
    java.security.PublicKey hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    Path known = root.resolveSibling(root.getFileName() + "-known_hosts");
    Files.writeString(known, "[127.0.0.1]:" + server.getPort() + " " + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(hostKey) + "\n");
    SystemDef trusted = sftp("/inbox", password(PASSWORD), Map.of("known_hosts", known.toString()));
    try (Source source = connector.openSource(sourceContext(trusted, source("none-*.csv", null, After.KEEP)))) {
      assertThat(source.read(Checkpoint.START, 10).done()).isTrue();
    }
    Path other = root.resolveSibling(root.getFileName() + "-other_known_hosts");
    Files.writeString(other, "[127.0.0.1]:1 " + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(clientKey.getPublic()) + "\n");
    SystemDef untrusted = sftp("/inbox", password(PASSWORD), Map.of("known_hosts", other.toString()));
    assertThatThrownBy(() -> connector.openSource(sourceContext(untrusted, source("*.csv", null, After.KEEP))))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void aConnectionLostMidFileIsTransientAndTheRunResumesFromItsCheckpoint() throws Exception {
    StringBuilder csv = new StringBuilder("n,padding\n");
    int rows = 60_000;
    for (int i = 1; i <= rows; i++) csv.append(i).append(",").append("x".repeat(40)).append('\n');
    Files.writeString(root.resolve("inbox/big.csv"), csv);
    try (dev.weft.testkit.TcpProxy proxy = new dev.weft.testkit.TcpProxy("127.0.0.1", server.getPort())) {
      SystemDef system = Fixtures.system("sftp://127.0.0.1:" + proxy.port() + "/inbox", Format.CSV, password(PASSWORD), Map.of());
      List<String> seen = new java.util.ArrayList<>();
      Checkpoint stored = Checkpoint.START;
      try (Source source = connector.openSource(sourceContext(system, source("big.csv", null, After.KEEP)))) {
        Batch first = source.read(stored, 1000);
        first.records().forEach(r -> seen.add(r.value().get("n").toString()));
        stored = first.after();
        proxy.cut();
        Checkpoint at = stored;
        Throwable failure = null;
        while (failure == null) {
          try {
            Batch batch = source.read(at, 1000);
            assertThat(batch.done()).as("the file cannot end while the connection is cut").isFalse();
            at = batch.after();
          } catch (TransientException e) {
            failure = e;
          }
        }
      }
      proxy.restore();
      try (Source resumed = connector.openSource(sourceContext(system, source("big.csv", null, After.KEEP)))) {
        Fixtures.records(drain(resumed, stored, 5000, true)).forEach(r -> seen.add(r.value().get("n").toString()));
      }
      assertThat(seen).hasSize(rows);
      assertThat(seen.getLast()).isEqualTo(String.valueOf(rows));
      assertThat(new java.util.HashSet<>(seen)).hasSize(rows);
    }
  }

  @Test
  void anEncryptedKeyNeedsItsPassphrase() throws Exception {
    org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext encryption =
        new org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext();
    encryption.setPassword("open sesame");
    encryption.setCipherName("AES");
    encryption.setCipherType("256");
    encryption.setCipherMode("CTR");
    encryption.setKdfRounds(4);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "weft test", encryption, out);
    String encrypted = out.toString(StandardCharsets.UTF_8);
    SystemDef right = sftp("/inbox", new Auth.SshKey(Auth.Scope.SYSTEM, "weft", encrypted, java.util.Optional.of("open sesame")), Map.of());
    try (Source source = connector.openSource(sourceContext(right, source("none-*.csv", null, After.KEEP)))) {
      assertThat(source.read(Checkpoint.START, 10).done()).isTrue();
    }
    SystemDef wrong = sftp("/inbox", new Auth.SshKey(Auth.Scope.SYSTEM, "weft", encrypted, java.util.Optional.of("guess")), Map.of());
    assertThatThrownBy(() -> connector.openSource(sourceContext(wrong, source("*.csv", null, After.KEEP))))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("guess")
        .extracting(e -> ((ConnectorException) e).userMessage()).asString()
        .contains("auth.key is not a readable private key");
  }
}
