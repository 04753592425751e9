package dev.weft.connector.brokers.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import com.rabbitmq.client.ShutdownSignalException;
import dev.weft.connector.ConfigException;
import dev.weft.connector.ConnectorException;
import dev.weft.connector.TransientException;
import dev.weft.connector.brokers.BrokerAddress;
import dev.weft.model.SystemDef;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/** Opens RabbitMQ connections and turns the client's failures into Weft's error kinds. */
final class AmqpConnections {
  private AmqpConnections() {}

  static Connection open(SystemDef system, String connectionName) throws ConnectorException {
    BrokerAddress address = BrokerAddress.of(system, 5672, 5671);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(address.host());
    factory.setPort(address.port());
    String vhost = address.path().isEmpty() || address.path().equals("/") ? "/" : address.path().substring(1);
    factory.setVirtualHost(vhost);
    address.username().ifPresent(factory::setUsername);
    address.password().ifPresent(factory::setPassword);
    factory.setConnectionTimeout(10_000);
    factory.setAutomaticRecoveryEnabled(false);
    try {
      if (address.tls()) {
        factory.useSslProtocol(SSLContext.getDefault());
        factory.enableHostnameVerification();
      }
      return factory.newConnection(connectionName);
    } catch (PossibleAuthenticationFailureException e) {
      throw new ConfigException(
          "RabbitMQ at " + address.where() + " refused the login of user '" + address.username().orElse("guest")
              + "': check the username and password of system '" + system.id() + "'");
    } catch (IOException e) {
      if (replyCode(e).filter(c -> c == AMQP.NOT_ALLOWED || c == AMQP.ACCESS_REFUSED).isPresent())
        throw new ConfigException(
            "RabbitMQ at " + address.where() + " does not let user '" + address.username().orElse("guest")
                + "' use virtual host '" + vhost + "'", e);
      throw new TransientException("cannot reach RabbitMQ at " + address.where(), e);
    } catch (TimeoutException e) {
      throw new TransientException("RabbitMQ at " + address.where() + " did not answer in time", e);
    } catch (java.security.GeneralSecurityException e) {
      throw new ConfigException("cannot set up TLS for RabbitMQ at " + address.where(), e);
    }
  }

  /** The AMQP reply code of a channel or connection that the broker closed, if that is what happened. */
  static Optional<Integer> replyCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ShutdownSignalException s) {
        Object reason = s.getReason();
        if (reason instanceof AMQP.Channel.Close c) return Optional.of(c.getReplyCode());
        if (reason instanceof AMQP.Connection.Close c) return Optional.of(c.getReplyCode());
      }
    }
    return Optional.empty();
  }

  /**
   * Checks that the queue exists (or declares it durable when {@code declare}), on a channel of
   * its own because a missing queue closes the channel that asked.
   */
  static void queue(Connection connection, String queue, boolean declare, String systemId) throws ConnectorException {
    try (Channel check = connection.createChannel()) {
      if (declare) check.queueDeclare(queue, true, false, false, null);
      else check.queueDeclarePassive(queue);
    } catch (IOException e) {
      if (replyCode(e).filter(c -> c == AMQP.NOT_FOUND).isPresent())
        throw new ConfigException(
            "queue '" + queue + "' does not exist on system '" + systemId
                + "': create it, or set options.declare: true to let Weft declare it");
      if (replyCode(e).filter(c -> c == AMQP.ACCESS_REFUSED).isPresent())
        throw new ConfigException("system '" + systemId + "': access to queue '" + queue + "' is refused", e);
      if (replyCode(e).filter(c -> c == AMQP.PRECONDITION_FAILED).isPresent())
        throw new ConfigException(
            "queue '" + queue + "' exists on system '" + systemId + "' with other settings than a durable queue", e);
      throw new TransientException("RabbitMQ failed while checking queue '" + queue + "'", e);
    } catch (TimeoutException e) {
      throw new TransientException("RabbitMQ did not answer in time while checking queue '" + queue + "'", e);
    }
  }

  /** Binds the queue to the exchange with the queue's name as the routing key. */
  static void bind(Connection connection, String queue, String exchange) throws ConnectorException {
    try (Channel ch = connection.createChannel()) {
      ch.queueBind(queue, exchange, queue);
    } catch (IOException e) {
      throw new ConfigException("cannot bind queue '" + queue + "' to exchange '" + exchange + "'", e);
    } catch (TimeoutException e) {
      throw new TransientException("RabbitMQ did not answer in time while binding queue '" + queue + "'", e);
    }
  }

  static void exchange(Connection connection, String exchange, String systemId) throws ConnectorException {
    try (Channel check = connection.createChannel()) {
      check.exchangeDeclarePassive(exchange);
    } catch (IOException e) {
      if (replyCode(e).filter(c -> c == AMQP.NOT_FOUND).isPresent())
        throw new ConfigException("exchange '" + exchange + "' does not exist on system '" + systemId + "'");
      throw new TransientException("RabbitMQ failed while checking exchange '" + exchange + "'", e);
    } catch (TimeoutException e) {
      throw new TransientException("RabbitMQ did not answer in time while checking exchange '" + exchange + "'", e);
    }
  }

  static void closeQuietly(Connection connection) {
    try {
      if (connection.isOpen()) connection.close(5_000);
    } catch (IOException | RuntimeException e) {
      // closing: nothing left to save
    }
  }
}
