package dev.weft.engine;

/** Told after each committed batch. Called from the run's writing thread: keep it quick. */
@FunctionalInterface
public interface ProgressListener {

  void progress(Progress progress);

  static ProgressListener none() {
    return p -> {};
  }
}
