package dev.weft.spec.internal.check;

import dev.weft.spec.internal.bind.Nodes;
import java.util.List;

/** A flow is either source, map and target, or a sync; and its volume and retry make sense. */
final class FlowShapeChecks {
  private FlowShapeChecks() {}

  static void run(Context c) {
    List<Nodes> flows = c.nodes().get("flows").items();
    for (int i = 0; i < flows.size(); i++) {
      Nodes f = flows.get(i);
      String path = "flows[" + i + "]";
      if (!f.isMapping()) continue;
      boolean sync = f.get("sync").present();
      boolean oneWay = f.get("source").present() || f.get("target").present() || f.get("map").present();
      if (sync && oneWay) {
        c.problems().error(path, "a flow has 'source', 'map' and 'target', or 'sync', not both");
      } else if (!sync) {
        for (String key : List.of("source", "map", "target")) {
          if (!f.get(key).present()) {
            c.problems().error(path, oneWay ? "missing required key '" + key + "'" : "a flow needs 'source', 'map' and 'target', or 'sync'");
            if (!oneWay) break;
          }
        }
      }
      Nodes volume = f.get("volume");
      volume.get("max").longValue().ifPresent(max -> volume.get("per_run").longValue().filter(per -> per > max).ifPresent(per ->
          c.problems().error(path + ".volume.max", "max (" + max + ") is below per_run (" + per + "): every normal run would stop")));
      Nodes retry = f.get("errors").get("retry");
      retry.get("backoff").text().flatMap(dev.weft.spec.internal.bind.Values::duration).ifPresent(b ->
          retry.get("max_backoff").text().flatMap(dev.weft.spec.internal.bind.Values::duration).filter(m -> m.compareTo(b) < 0).ifPresent(m ->
              c.problems().error(path + ".errors.retry.max_backoff", "max_backoff is shorter than backoff")));
    }
  }
}
