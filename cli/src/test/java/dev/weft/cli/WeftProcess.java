package dev.weft.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code cli/target/weft.jar} as a separate process, as a user would. */
final class WeftProcess {
  static final Path JAR = Path.of("target", "weft.jar").toAbsolutePath();

  private WeftProcess() {}

  record Result(int exit, String stdout, String stderr) {}

  static ProcessBuilder builder(Path workDir, Map<String, String> env, String... args) {
    if (!Files.isRegularFile(JAR)) throw new IllegalStateException("build the jar first (mvn package): " + JAR);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().remove("WEFT_STATE");
    builder.environment().putAll(env);
    return builder;
  }

  static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    Process p = builder(workDir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("weft " + String.join(" ", args) + " did not end within 10 minutes");
    }
    Result result = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
