package dev.weft.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secret values, never taken from the command line (shell history, process lists): asked at a
 * terminal without echo, else read from stdin one line per name, in the order the names were given.
 */
final class SecretInput {
  private SecretInput() {}

  /** The values by name; empty when stdin ran out or a value is empty (the message says which). */
  static Optional<Map<String, String>> read(List<String> names, java.io.PrintWriter err, String command) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    if (names.isEmpty()) return Optional.of(values);
    Console console = System.console();
    BufferedReader stdin = console == null ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)) : null;
    for (String name : names) {
      String value;
      if (console != null) {
        char[] typed = console.readPassword("%s (not shown): ", name);
        value = typed == null ? null : new String(typed);
      } else {
        value = stdin.readLine();
      }
      if (value == null || value.isEmpty()) {
        err.println(command + ": no value for secret " + name + " (type it when asked, or give one line per --secret on stdin,"
            + " e.g. printf '%s\\n' \"$VALUE\" | weft ...)");
        return Optional.empty();
      }
      values.put(name, value);
    }
    return Optional.of(values);
  }
}
