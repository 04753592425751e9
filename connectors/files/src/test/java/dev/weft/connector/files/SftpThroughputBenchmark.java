package dev.weft.connector.files;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.Source;
import dev.weft.model.Auth;
import dev.weft.model.SystemDef.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Not a test: serves {@code <folder>} from an in-process SFTP server on 127.0.0.1 and reads its
 * CSV files through the SFTP source, printing rows/s. Arguments: folder, glob.
 */
public final class SftpThroughputBenchmark {
  public static void main(String[] args) throws Exception {
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
    server.setPasswordAuthenticator((user, password, session) -> password.equals("bench"));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(Path.of(args[0])));
    server.start();
    try {
      var system = Fixtures.system("sftp://127.0.0.1:" + server.getPort() + "/", Format.CSV, new Auth.Password(Auth.Scope.SYSTEM, "bench", "bench"), Map.of());
      long start = System.nanoTime();
      long rows = 0;
      try (Source source = new FilesConnector().openSource(Fixtures.sourceContext(system, Fixtures.source(args[1], null, dev.weft.model.Source.After.KEEP)))) {
        Checkpoint at = Checkpoint.START;
        while (true) {
          Batch batch = source.read(at, 1000);
          rows += batch.records().size();
          at = batch.after();
          if (batch.done()) break;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("SFTP: %,d rows in %.2f s = %,.0f rows/s (client and server in one JVM)%n", rows, seconds, rows / seconds);
    } finally {
      server.stop(true);
    }
  }
}
