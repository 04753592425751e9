package dev.weft.engine;

/** Stops a run: carries what to tell people and engineers. */
final class FlowFailed extends Exception {
  private final RunFailure failure;

  FlowFailed(RunFailure failure, Throwable cause) {
    super(failure.detail(), cause);
    this.failure = failure;
  }

  RunFailure failure() {
    return failure;
  }
}
