package dev.weft.cli;

import dev.weft.engine.Progress;
import dev.weft.engine.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A live line on the terminal, redrawn five times a second: counts, rate and elapsed time. */
final class ProgressLine implements ProgressListener, AutoCloseable {
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService ticker;
  private volatile Progress latest;

  ProgressLine(PrintStream out) {
    this.out = out;
    this.ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("weft-progress").unstarted(r));
    ticker.scheduleAtFixedRate(this::draw, 200, 200, TimeUnit.MILLISECONDS);
  }

  @Override
  public void progress(Progress progress) {
    latest = progress;
  }

  private void draw() {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    Progress p = latest;
    String line =
        p == null
            ? "  starting ... " + Words.clock(elapsed)
            : String.format("  %s read · %s written · %s dead-lettered · %s filtered · %s/s · %s",
                Words.count(p.counts().read()), Words.count(p.counts().written()), Words.count(p.counts().deadLettered()),
                Words.count(p.counts().filtered()), Words.count(Math.round(p.rate())), Words.clock(elapsed));
    out.print("\r" + line + "\033[K");
    out.flush();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    out.print("\r\033[K");
    out.flush();
  }

  /** True when stderr is an interactive terminal (JDK 22+ says so with Console.isTerminal). */
  static boolean onTerminal() {
    var console = System.console();
    if (console == null) return false;
    try {
      return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }
}
