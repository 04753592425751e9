package dev.weft.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written OpenAPI 3 document of the API ({@code openapi.json} beside this class). */
final class OpenApi {
  private static final String DOCUMENT = read();

  private OpenApi() {}

  static String document() {
    return DOCUMENT;
  }

  private static String read() {
    try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
      if (in == null) throw new IllegalStateException("openapi.json is missing from the server jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
