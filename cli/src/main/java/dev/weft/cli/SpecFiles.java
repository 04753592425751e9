package dev.weft.cli;

import dev.weft.model.Problem;
import dev.weft.model.Spec;
import dev.weft.spec.LoadResult;
import dev.weft.spec.SpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Loads a spec for a command, printing its problems; empty when it has errors. */
final class SpecFiles {
  private SpecFiles() {}

  static Optional<Spec> load(Path file, PrintWriter err) {
    LoadResult result = SpecLoader.load(file);
    for (Problem p : result.problems()) err.println(p.format());
    if (!result.ok() || result.spec().isEmpty()) {
      if (Files.isRegularFile(file)) err.println("weft: " + file + " has errors; fix them first (weft validate " + file + ")");
      return Optional.empty();
    }
    return result.spec();
  }

  /** The first 16 hex digits of the SHA-256 of the file, kept with each run. */
  static String version(Path file) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unknown";
    }
  }
}
