package dev.weft.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook side of workload 4: the signed 1 KB order every request carries, and a fixed-rate
 * load generator for the latency test (wrk, used for the saturation test, sends as fast as the
 * server answers; at a fixed rate it would hide a slow answer behind the requests it did not send).
 *
 * <p>Each of {@code CONNECTIONS} keep-alive connections sends its share of the requests at their
 * scheduled times ({@code RATE} per second in all); a request's latency runs from its scheduled
 * time to the end of its answer, so a stall counts against every request it delays. It waits for
 * every answer before it stops, so its count of 2xx answers is exact.
 *
 * <pre>
 * HookLoad body FILE                      a 1 KB JSON order
 * HookLoad sign SECRET FILE               HMAC-SHA256 of the file, hex
 * HookLoad fixed URL RATE CONNECTIONS SECONDS SECRET FILE
 *   prints: sent, ok (2xx), failed, p50_ms, p99_ms, max_ms
 * </pre>
 */
public final class HookLoad {

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "body" -> Files.writeString(Path.of(args[1]), body());
      case "sign" -> System.out.println(sign(args[1], Files.readAllBytes(Path.of(args[2]))));
      case "fixed" -> fixedRate(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]), args[5], Files.readAllBytes(Path.of(args[6])));
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  /** An order as a shop would post it, padded with its line items to about 1 KB. */
  static String body() {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; lines.length() < 720; i++) {
      if (i > 1) lines.append(',');
      lines.append(String.format(Locale.ROOT, "{\"sku\":\"SKU-%05d\",\"title\":\"Merino crew sock, charcoal, size %d\",\"qty\":%d,\"price\":\"%d.90\"}",
          1000 + i, 36 + i, i % 3 + 1, 9 + i));
    }
    return "{\"id\":\"ord_8f3a2c91\",\"event\":\"order.paid\",\"created_at\":\"2026-11-27T10:15:30Z\","
        + "\"customer\":{\"id\":\"cus_4411\",\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\"},"
        + "\"currency\":\"EUR\",\"total\":\"123.40\",\"line_items\":[" + lines + "]}";
  }

  static String sign(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static void fixedRate(URI url, int rate, int connections, int seconds, String secret, byte[] body) throws Exception {
    byte[] head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
        + "\r\nContent-Type: application/json\r\nX-Signature: " + sign(secret, body)
        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    int total = rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000L;
    long[] latencies = new long[total];
    int[] statuses = new int[total];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int first = c;
      threads.add(Thread.ofPlatform().name("hook-load-" + c).start(() -> {
        Socket socket = null;
        InputStream in = null;
        try {
          for (int i = first; i < total; i += connections) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            try {
              if (socket == null) {
                socket = connect(url);
                in = new BufferedInputStream(socket.getInputStream());
              }
              OutputStream out = socket.getOutputStream();
              out.write(request);
              out.flush();
              statuses[i] = readAnswer(in);
            } catch (IOException e) {
              statuses[i] = -1;
              closeQuietly(socket);
              socket = null;
            }
            latencies[i] = System.nanoTime() - due;
          }
        } finally {
          closeQuietly(socket);
        }
      }));
    }
    for (Thread t : threads) t.join();
    long ok = Arrays.stream(statuses).filter(s -> s >= 200 && s < 300).count();
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "sent %d%nok %d%nfailed %d%np50_ms %.2f%np99_ms %.2f%nmax_ms %.2f%n", total, ok, total - ok,
        sorted[total / 2] / 1e6, sorted[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)] / 1e6, sorted[total - 1] / 1e6);
  }

  private static Socket connect(URI url) throws IOException {
    Socket socket = new Socket(url.getHost(), url.getPort());
    socket.setTcpNoDelay(true);
    return socket;
  }

  /** Reads one HTTP/1.1 answer (a Content-Length or chunked body) and returns its status. */
  private static int readAnswer(InputStream in) throws IOException {
    String status = line(in);
    if (status == null) throw new IOException("connection closed");
    int code = Integer.parseInt(status.split(" ")[1]);
    long length = 0;
    boolean chunked = false;
    for (String header; !(header = line(in)).isEmpty(); ) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).trim());
      if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
    }
    if (chunked) {
      for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
        in.skipNBytes(size);
        line(in);
      }
      line(in);
    } else {
      in.skipNBytes(length);
    }
    return code;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) return s.isEmpty() ? null : s.toString();
      if (b != '\r') s.append((char) b);
    }
    return s.toString();
  }

  private static void closeQuietly(Socket socket) {
    try {
      if (socket != null) socket.close();
    } catch (IOException ignored) {
      // nothing to save
    }
  }
}
