package dev.weft.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of a real service, which a test can {@link #cut} (open
 * connections are dropped, new ones refused) and {@link #restore} to simulate an outage.
 */
public final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;
  private volatile Thread acceptor;

  public TcpProxy(String targetHost, int targetPort) {
    this(targetHost, targetPort, 0);
  }

  /** Listens on {@code port} (0: any free port) of 127.0.0.1. */
  public TcpProxy(String targetHost, int targetPort, int port) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = listen(port);
    this.port = server.getLocalPort();
    acceptOn(server);
  }

  public int port() {
    return port;
  }

  /** Drops every open connection and refuses new ones until {@link #restore}. */
  public synchronized void cut() {
    closeQuietly(server);
    awaitAcceptorExit();
    for (Socket s : open) closeQuietly(s);
    open.clear();
  }

  public synchronized void restore() {
    if (!server.isClosed()) return;
    server = listen(port);
    acceptOn(server);
  }

  public boolean isCut() {
    return server.isClosed();
  }

  @Override
  public void close() {
    cut();
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /** The JDK may finish closing a listening socket only once its blocked accept returns. */
  private void awaitAcceptorExit() {
    Thread t = acceptor;
    if (t == null || t == Thread.currentThread()) return;
    try {
      t.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptOn(ServerSocket listening) {
    acceptor = Thread.ofPlatform().daemon().name("tcp-proxy-" + port).start(() -> {
      while (!listening.isClosed()) {
        try {
          Socket client = listening.accept();
          Socket upstream = new Socket(targetHost, targetPort);
          open.add(client);
          open.add(upstream);
          pipe(client, upstream);
          pipe(upstream, client);
        } catch (IOException e) {
          // closed by cut(), or the target refused: the client sees its connection end
        }
      }
    });
  }

  private void pipe(Socket from, Socket to) {
    Thread.ofVirtual().start(() -> {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
        to.shutdownOutput(); // pass the half-close on; the other direction may still talk
        if (!from.isOutputShutdown()) return;
      } catch (IOException e) {
        // one side went away, or cut() closed it
      }
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    });
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
