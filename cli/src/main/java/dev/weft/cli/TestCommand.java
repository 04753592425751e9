package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "test", mixinStandardHelpOptions = true, description = "Runs the example records in a spec's tests section.")
final class TestCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("weft test: not in this build yet");
    return 2;
  }
}
