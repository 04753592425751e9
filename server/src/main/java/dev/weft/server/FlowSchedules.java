package dev.weft.server;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.weft.engine.RunStartException;
import dev.weft.model.Flow;
import dev.weft.model.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedule triggers on db-scheduler (cluster-safe: one server of several runs each due execution).
 * One recurring execution per enabled instance and scheduled flow. After downtime a missed
 * schedule runs once when the server starts, not once per missed slot: db-scheduler keeps one
 * next-execution time per schedule and computes the following one from when that run ended.
 */
public final class FlowSchedules implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FlowSchedules.class);
  static final String TASK = "weft-flow-schedule";

  private final FlowRuns runs;
  private final Catalog catalog;
  private final RecurringTaskWithPersistentSchedule<FlowSchedule> task;
  private final Scheduler scheduler;

  public FlowSchedules(DataSource dataSource, FlowRuns runs, Catalog catalog, Duration polling) {
    this(dataSource, runs, catalog, polling, java.util.List.of());
  }

  /** @param housekeeping the server's own recurring tasks (run retention), on the same cluster-safe scheduler */
  FlowSchedules(DataSource dataSource, FlowRuns runs, Catalog catalog, Duration polling,
      java.util.List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> housekeeping) {
    this.runs = runs;
    this.catalog = catalog;
    this.task = Tasks.recurringWithPersistentSchedule(TASK, FlowSchedule.class).execute((instance, context) -> fire(instance.getData()));
    this.scheduler = Scheduler.create(dataSource, task).threads(2).pollingInterval(polling).enableImmediateExecution().alwaysPersistTimestampInUTC()
        .deleteUnresolvedAfter(Duration.ofDays(1)).startTasks(housekeeping).build();
  }

  public void start() {
    scheduler.start();
  }

  private void fire(FlowSchedule schedule) {
    try {
      FlowRuns.Plan plan = runs.plan(schedule.instance(), schedule.flow());
      runs.runNow(plan, "schedule", Optional.empty(), true);
    } catch (Refused | RunStartException e) {
      log.warn("scheduled run of {}/{} not started: {}", schedule.instance(), schedule.flow(), e.getMessage());
    }
  }

  /** Brings the instance's schedules in line with it: on when enabled, gone when disabled or deleted. */
  public void sync(Optional<Instance> instance, String instanceId, java.util.List<Flow> flows) {
    for (Flow flow : flows) {
      Optional<Trigger.Schedule> trigger = flow.trigger(Trigger.Schedule.class);
      if (trigger.isEmpty()) continue;
      FlowSchedule schedule = FlowSchedule.of(instanceId, flow.id(), trigger.get());
      boolean wanted = instance.isPresent() && instance.get().enabled() && plans(instanceId, flow.id());
      var existing = scheduler.getScheduledExecution(TaskInstanceId.of(TASK, schedule.id()));
      boolean exists = existing.isPresent();
      if (wanted && exists && !schedule.equals(existing.get().getData()) && !existing.get().isPicked()) {
        // a new version changed the schedule: replace it
        scheduler.cancel(TaskInstanceId.of(TASK, schedule.id()));
        exists = false;
      }
      if (wanted && !exists) {
        scheduler.scheduleIfNotExists(task.instance(schedule.id(), schedule), firstRun(schedule));
        log.info("schedule of {} on: {}", schedule.id(), trigger.get());
      } else if (!wanted && exists) {
        scheduler.cancel(TaskInstanceId.of(TASK, schedule.id()));
        log.info("schedule of {} off", schedule.id());
      }
    }
  }

  /** A fixed delay first runs one interval from now; a cron at its next matching time. */
  private static Instant firstRun(FlowSchedule schedule) {
    Instant now = Instant.now();
    if (schedule.everySeconds() > 0) return now.plusSeconds(schedule.everySeconds());
    return schedule.getSchedule().getInitialExecutionTime(now);
  }

  private boolean plans(String instanceId, String flowId) {
    try {
      runs.plan(instanceId, flowId);
      return true;
    } catch (Refused e) {
      return false;
    }
  }

  /** When the schedule runs next, if on. */
  public Optional<Instant> next(String instanceId, String flowId) {
    return scheduler.getScheduledExecution(TaskInstanceId.of(TASK, instanceId + "/" + flowId)).map(e -> e.getExecutionTime());
  }

  /** Makes a schedule due now (for operators and tests). */
  public void runSoon(String instanceId, String flowId) {
    scheduler.reschedule(TaskInstanceId.of(TASK, instanceId + "/" + flowId), Instant.now());
  }

  Catalog catalog() {
    return catalog;
  }

  /** Lets running executions finish, then stops. */
  @Override
  public void close() {
    scheduler.stop();
  }
}
