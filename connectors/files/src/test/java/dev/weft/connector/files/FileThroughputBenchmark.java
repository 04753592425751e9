package dev.weft.connector.files;

import dev.weft.connector.Batch;
import dev.weft.connector.Checkpoint;
import dev.weft.connector.Source;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Not a test: reads a folder (format from the file extension) through the local file source and prints rows/s and peak heap.
 * {@code java -Xmx256m -cp <test classpath> dev.weft.connector.files.FileThroughputBenchmark <folder> <glob> [rounds] [records path]}
 */
public final class FileThroughputBenchmark {
  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    String glob = args.length > 1 ? args[1] : "*.csv";
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long rows = 0;
      long errors = 0;
      try (Source source = new FilesConnector().openSource(Fixtures.sourceContext(Fixtures.local(folder, null),
          Fixtures.source(glob, args.length > 3 ? args[3] : null, dev.weft.model.Source.After.KEEP)))) {
        Checkpoint at = Checkpoint.START;
        while (true) {
          Batch batch = source.read(at, 1000);
          rows += batch.records().size();
          for (var r : batch.records()) if (r.value().containsKey(FileSource.ERROR)) errors++;
          at = batch.after();
          source.committed(at);
          if (batch.done()) break;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf("round %d: %,d rows (%d malformed) in %.2f s wall = %,.0f rows/s; %.2f s CPU of the reading thread = %,.0f rows per CPU-second%n",
          round, rows, errors, seconds, rows / seconds, cpu, rows / cpu);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    System.out.printf("peak heap used (sum of pool peaks): %.1f MB, max heap %.0f MB%n", peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
  }
}
