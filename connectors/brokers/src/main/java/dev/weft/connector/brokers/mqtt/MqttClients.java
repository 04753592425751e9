package dev.weft.connector.brokers.mqtt;

import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BrokerAddress;
import dev.weft.connector.brokers.BrokerSettings;
import dev.weft.model.SystemDef;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSecurityException;

/**
 * Connects MQTT v5 clients with a persistent session (clean start off, a session expiry), so
 * QoS 1 messages not yet acknowledged survive a disconnect and come again.
 */
final class MqttClients {
  private static final long WAIT_MS = 15_000;

  private MqttClients() {}

  /** A connected client, and the number of QoS 1 messages the broker lets it have in flight. */
  record Connected(MqttAsyncClient client, int receiveMaximum, boolean sessionPresent) {}

  static Connected connect(SystemDef system, String clientId, BrokerSettings settings, MqttCallback callback, boolean manualAcks)
      throws ConnectorException {
    BrokerAddress address = BrokerAddress.of(system, 1883, 8883);
    String uri = (address.tls() ? "ssl://" : "tcp://") + address.host() + ":" + address.port();
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(10);
    address.username().ifPresent(options::setUserName);
    address.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    MqttAsyncClient client = null;
    try {
      client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
      client.setManualAcks(manualAcks);
      client.setCallback(callback);
      IMqttToken token = client.connect(options);
      token.waitForCompletion(WAIT_MS);
      Integer max = token.getResponseProperties() == null ? null : token.getResponseProperties().getReceiveMaximum();
      return new Connected(client, max == null || max <= 0 ? 65_535 : max, token.getSessionPresent());
    } catch (MqttException e) {
      close(client);
      throw failure(e, system.id(), address);
    }
  }

  static ConnectorException failure(MqttException e, String systemId, BrokerAddress address) {
    int code = e.getReasonCode();
    // 0x86 bad user name or password, 0x87 not authorized, 0x8C bad authentication method
    if (e instanceof MqttSecurityException || code == 0x86 || code == 0x87 || code == 0x8C)
      return new ConfigException(
          "the MQTT broker at " + address.where() + " refused user '" + address.username().orElse("(anonymous)")
              + "': check the username and password of system '" + systemId + "'");
    if (code == 0x85) // client identifier not valid
      return new ConfigException("the MQTT broker at " + address.where() + " refused the client id (set options.client_id)");
    return new TransientException("cannot talk to the MQTT broker at " + address.where(), e);
  }

  static void close(MqttAsyncClient client) {
    if (client == null) return;
    try {
      if (client.isConnected()) client.disconnect(2_000).waitForCompletion(3_000);
    } catch (MqttException e) {
      try {
        client.disconnectForcibly(0, 1_000, false);
      } catch (MqttException ignored) {
        // closing anyway
      }
    }
    try {
      client.close(true);
    } catch (MqttException ignored) {
      // closing anyway
    }
  }
}
