package dev.weft.cli;

import picocli.CommandLine;

/**
 * Unexpected failures are said in one line, never as a stack trace; {@code WEFT_DEBUG=1} shows
 * the trace for engineers.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cmd.getErr().println("weft: " + message);
    if (System.getenv("WEFT_DEBUG") != null) e.printStackTrace(cmd.getErr());
    return 2;
  }
}
