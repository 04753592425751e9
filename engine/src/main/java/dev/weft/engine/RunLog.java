package dev.weft.engine;

import dev.weft.store.Store;
import dev.weft.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lines of a run's log in the store, with the run's secrets hidden. */
final class RunLog {
  private static final Logger log = LoggerFactory.getLogger(RunLog.class);

  private final Store store;
  private final String runId;
  private final Redactor redactor;

  RunLog(Store store, String runId, Redactor redactor) {
    this.store = store;
    this.runId = runId;
    this.redactor = redactor;
  }

  void info(String line) {
    write("INFO", line);
  }

  void warn(String line) {
    write("WARN", line);
    log.info("run {}: {}", runId, redactor.redact(line));
  }

  void error(String line) {
    write("ERROR", line);
  }

  private void write(String level, String line) {
    try {
      store.runs().log(runId, level, redactor.redact(line));
    } catch (StoreException e) {
      log.warn("cannot write the log of run {}: {}", runId, e.getMessage());
    }
  }
}
