package dev.weft.connector.brokers.nats;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BrokerAddress;
import dev.weft.model.SystemDef;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens NATS connections and turns the client's failures into Weft's error kinds. */
final class NatsConnections {
  private static final Logger log = LoggerFactory.getLogger(NatsConnections.class);

  private NatsConnections() {}

  static Connection open(SystemDef system, String connectionName) throws ConnectorException {
    BrokerAddress address = BrokerAddress.of(system, 4222, 4222);
    Options.Builder options =
        new Options.Builder()
            .server((address.tls() ? "tls://" : "nats://") + address.host() + ":" + address.port())
            .connectionName(connectionName)
            .connectionTimeout(Duration.ofSeconds(10))
            .maxReconnects(0)
            .errorListener(
                new ErrorListener() {
                  @Override
                  public void errorOccurred(Connection conn, String error) {
                    log.debug("NATS error on {}: {}", address.where(), error);
                  }

                  @Override
                  public void exceptionOccurred(Connection conn, Exception exp) {
                    log.debug("NATS exception on {}: {}", address.where(), exp.toString());
                  }
                });
    if (address.username().isPresent())
      options.userInfo(address.username().get(), address.password().orElse(""));
    try {
      return Nats.connect(options.build());
    } catch (AuthenticationException e) {
      throw refused(system, address);
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("authorization") || m.contains("authentication")) throw refused(system, address);
      throw new TransientException("cannot reach NATS at " + address.where(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientException("interrupted while connecting to NATS at " + address.where(), e);
    }
  }

  private static ConfigException refused(SystemDef system, BrokerAddress address) {
    return new ConfigException(
        "NATS at " + address.where() + " refused the login" + address.username().map(u -> " of user '" + u + "'").orElse("")
            + ": check the credentials of system '" + system.id() + "'");
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
