package dev.weft.spec.internal.check;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.weft.model.Flow;
import dev.weft.model.SystemDef.ConnectionKind;
import dev.weft.model.Trigger;
import dev.weft.spec.internal.bind.Nodes;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Cron expressions, zones, webhook verification and paths, event brokers. */
final class TriggerChecks {
  private TriggerChecks() {}

  private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  static void run(Context c) {
    Map<String, String> hookPaths = new HashMap<>();
    for (int i = 0; i < c.flows().size(); i++) {
      Flow flow = c.flows().get(i);
      String path = c.flowPath(i) + ".trigger";
      Nodes trigger = c.flowNodes(i).get("trigger");
      for (Trigger t : flow.triggers()) {
        switch (t) {
          case Trigger.Cron cron -> {
            cron(c, cron.expression(), path + ".schedule.cron");
            cron.zone().ifPresent(z -> zone(c, z, path + ".schedule.zone"));
          }
          case Trigger.Webhook hook -> {
            String previous = hookPaths.putIfAbsent(hook.path(), flow.id());
            if (previous != null) c.problems().error(path + ".webhook.path", "webhook path '" + hook.path() + "' is already used by flow '" + previous + "'");
            verify(c, trigger.get("webhook").get("verify"), path + ".webhook.verify");
          }
          case Trigger.Event event -> c.system(event.system(), path + ".event.system").ifPresent(s -> {
            if (s.connection() != ConnectionKind.BROKER) {
              c.problems().error(path + ".event.system", "system '" + s.id() + "' is " + Context.article(s.connection()) + "; an event trigger needs a broker");
            }
          });
          default -> {}
        }
      }
    }
  }

  static void cron(Context c, String expression, String path) {
    String[] fields = expression.strip().split("\\s+");
    if (fields.length != 5) {
      c.problems().error(path, "cron '" + expression + "' has " + fields.length + " fields; write 5: minute hour day-of-month month day-of-week");
      return;
    }
    try {
      CRON.parse(expression).validate();
    } catch (IllegalArgumentException e) {
      c.problems().error(path, "cron '" + expression + "' is not valid: " + e.getMessage());
    }
  }

  static void zone(Context c, String zone, String path) {
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      c.problems().error(path, "unknown time zone '" + zone + "' (use a region like Europe/Berlin, or UTC)");
    }
  }

  private static void verify(Context c, Nodes v, String path) {
    if (!v.isMapping()) return;
    boolean hmac = v.get("hmac").present();
    boolean scheme = v.get("scheme").present();
    if (hmac == scheme) {
      c.problems().error(path, "verify needs exactly one of 'hmac' (with 'header') or 'scheme' (github or stripe)");
      return;
    }
    if (hmac && !v.get("header").present()) c.problems().error(path, "hmac verification needs the 'header' that carries the signature");
    if (!hmac && v.get("encoding").present()) c.problems().error(path + ".encoding", "'encoding' applies to hmac verification only");
    if (v.get("tolerance").present() && !v.get("scheme").text().orElse("").equals("stripe")) {
      c.problems().error(path + ".tolerance", "'tolerance' applies to the stripe scheme only");
    }
    v.get("secret").text().filter(s -> !s.isEmpty() && !s.contains("${"))
        .ifPresent(s -> c.problems().warning(path + ".secret", "a literal secret is written in the spec; prefer ${secret.NAME} or ${config.NAME}"));
  }
}
