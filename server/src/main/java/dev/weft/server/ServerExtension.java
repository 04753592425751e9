package dev.weft.server;

import io.javalin.config.JavalinConfig;

/**
 * Something served by {@code weft serve} beside the API on the same port (the web console is one).
 * Found through {@link java.util.ServiceLoader}; {@link #register} is called while the server is
 * configured, with the services the API itself uses, so an extension applies the same rules.
 */
public interface ServerExtension {
  void register(JavalinConfig config, ServerServices services);
}
