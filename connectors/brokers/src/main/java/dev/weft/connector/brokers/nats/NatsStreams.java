package dev.weft.connector.brokers.nats;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BrokerSettings;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.util.List;

/** Finds the JetStream stream that captures a subject, creating it when the system asks for it. */
final class NatsStreams {
  private static final int STREAM_NOT_FOUND = 10059;

  private NatsStreams() {}

  /** The stream's name. */
  static String find(Connection connection, String subject, BrokerSettings settings, String systemId)
      throws ConnectorException {
    try {
      JetStreamManagement jsm = connection.jetStreamManagement();
      if (settings.stream().isPresent()) {
        String name = settings.stream().get();
        try {
          jsm.getStreamInfo(name);
          return name;
        } catch (JetStreamApiException e) {
          if (e.getApiErrorCode() != STREAM_NOT_FOUND) throw e;
          if (!settings.createStream()) throw missing(subject, systemId, "stream '" + name + "' does not exist");
          return create(jsm, name, subject);
        }
      }
      List<String> names = jsm.getStreamNames(subject);
      if (!names.isEmpty()) return names.getFirst();
      if (!settings.createStream()) throw missing(subject, systemId, "no JetStream stream takes subject '" + subject + "'");
      return create(jsm, nameFor(subject), subject);
    } catch (JetStreamApiException e) {
      throw new ConfigException(
          "NATS JetStream refused the stream for subject '" + subject + "' on system '" + systemId + "': "
              + e.getErrorDescription());
    } catch (IOException e) {
      throw new TransientException(
          "NATS JetStream did not answer (is JetStream enabled on the server of system '" + systemId + "'?)", e);
    }
  }

  private static String create(JetStreamManagement jsm, String name, String subject)
      throws IOException, JetStreamApiException {
    jsm.addStream(StreamConfiguration.builder().name(name).subjects(subject).storageType(StorageType.File).build());
    return name;
  }

  /** A stream name from a subject: {@code orders.created} gives {@code orders_created}. */
  static String nameFor(String subject) {
    return subject.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static ConfigException missing(String subject, String systemId, String what) {
    return new ConfigException(
        "system '" + systemId + "': " + what + "; create it, or set options.create_stream: true to let Weft create it");
  }
}
