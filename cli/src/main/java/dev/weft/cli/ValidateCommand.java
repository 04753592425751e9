package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Checks specs and prints every problem as FILE:LINE:COL: PATH: MESSAGE.")
final class ValidateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("weft validate: not in this build yet");
    return 2;
  }
}
