package dev.weft.connector.brokers.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A Paho callback that only cares about arriving messages and a lost connection. */
abstract class MqttEvents implements MqttCallback {

  abstract void arrived(String topic, MqttMessage message);

  abstract void lost(String why);

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    arrived(topic, message);
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    lost("the MQTT broker closed the connection: " + response);
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    lost("MQTT error: " + exception.getMessage());
  }

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void connectComplete(boolean reconnect, String serverURI) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
