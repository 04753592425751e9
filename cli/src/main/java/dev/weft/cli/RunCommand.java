package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs one flow once, locally.")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("weft run: not in this build yet");
    return 2;
  }
}
