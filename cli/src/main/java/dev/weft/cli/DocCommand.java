package dev.weft.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until its owner lands the real command. */
@Command(name = "doc", mixinStandardHelpOptions = true, description = "Renders a spec as the filled-in Integration Specification document.")
final class DocCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("weft doc: not in this build yet");
    return 2;
  }
}
