package dev.weft.server;

import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.weft.model.Trigger;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The stored data of one scheduled flow of one instance: plain strings (serialized into
 * db-scheduler's table), the schedule built from them. A 5-field Unix cron gets a seconds field.
 */
public record FlowSchedule(String instance, String flow, long everySeconds, String cron, String zone) implements ScheduleAndData {

  public static FlowSchedule of(String instance, String flow, Trigger.Schedule trigger) {
    return switch (trigger) {
      case Trigger.Every every -> new FlowSchedule(instance, flow, every.interval().toSeconds(), "", "");
      case Trigger.Cron cron -> new FlowSchedule(instance, flow, 0, cron.expression(), cron.zone().orElse("UTC"));
    };
  }

  public String id() {
    return instance + "/" + flow;
  }

  @Override
  public Schedule getSchedule() {
    if (everySeconds > 0) return Schedules.fixedDelay(Duration.ofSeconds(everySeconds));
    String expression = cron.trim().split("\\s+").length == 5 ? "0 " + cron.trim() : cron.trim();
    return Schedules.cron(expression, zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone));
  }

  @Override
  public Object getData() {
    return null;
  }
}
