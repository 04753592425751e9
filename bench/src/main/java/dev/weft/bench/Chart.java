package dev.weft.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** A horizontal bar chart of rows (or answered webhooks) per second, one group per workload, drawn with Java2D. */
final class Chart {
  private static final int WIDTH = 1000;
  private static final int BAR = 26;
  private static final int LABEL = 330;
  private static final Color WEFT = new Color(0x2e7d32);
  private static final Color OTHER = new Color(0x90a4ae);

  private Chart() {}

  static void write(Map<String, List<Report.Variant>> byWorkload, Path png) throws IOException {
    int lines = byWorkload.values().stream().mapToInt(List::size).sum();
    int height = 40 + byWorkload.size() * 44 + lines * (BAR + 8) + 20;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString("Rows (webhooks: 2xx answers) per second, median; longer is faster", 20, 26);
    int y = 40;
    for (var entry : byWorkload.entrySet()) {
      double max = entry.getValue().stream().mapToDouble(Report.Variant::rowsPerSecond).max().orElse(1);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.setColor(Color.BLACK);
      g.drawString(entry.getKey(), 20, y + 26);
      y += 40;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      for (Report.Variant v : entry.getValue()) {
        int w = (int) ((WIDTH - LABEL - 140) * v.rowsPerSecond() / max);
        g.setColor(v.name().startsWith("weft") ? WEFT : OTHER);
        g.fillRect(LABEL, y, Math.max(w, 1), BAR);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawString(v.name(), 20, y + 18);
        g.drawString(String.format(Locale.ROOT, "%,.0f/s  %d MB", v.rowsPerSecond(), v.peakRssMb()), LABEL + w + 8, y + 18);
        y += BAR + 8;
      }
      y += 4;
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }
}
