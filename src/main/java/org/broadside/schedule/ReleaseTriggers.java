package org.broadside.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The Quartz triggers of armed releases, kept in Quartz's JDBC job store in Broadside's own database, so
 * they survive a restart. One trigger per distinct send instant of a release (not per recipient); a fired
 * trigger hands the release id and the instant it was due to a {@link Firing}.
 *
 * <p>Every process may arm and disarm triggers; only the service starts the scheduler, so only the service
 * fires them. A trigger missed while the service was down fires once when it starts (Quartz's fire-now
 * misfire instruction); the {@link Firing} decides whether it is still in time.
 */
public final class ReleaseTriggers implements AutoCloseable {
    /** The scheduler's name is the SCHED_NAME of every row in the job store: it must never change. */
    static final String SCHEDULER_NAME = "broadside";
    private static final String JOB_GROUP = "releases";
    /**
     * The instant a trigger stands for, kept with it: after a misfire Quartz reports the time it fired as the
     * scheduled time, and lateness must be measured from the instant the release was due.
     */
    private static final String DUE_AT = "dueAt";

    private final Scheduler scheduler;

    /** What to do when a release's trigger fires. */
    @FunctionalInterface
    public interface Firing {
        void fire(String releaseId, Instant dueAt);
    }

    private ReleaseTriggers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param misfireThresholdMillis how late a trigger may fire before Quartz treats it as misfired
     */
    public static ReleaseTriggers create(DataSource dataSource, Firing firing, long misfireThresholdMillis) {
        String dataSourceName = "broadside-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new Provider(dataSource));
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // Another process (a CLI command) may arm a trigger: look at the store at least this often.
        properties.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass",
                "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThresholdMillis));
        try {
            Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
            // Quartz keeps one scheduler per name per JVM; each App owns its own (they share the store, not the
            // instance), so closing one never stops another's.
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            scheduler.setJobFactory((bundle, owner) -> new FireRelease(firing));
            return new ReleaseTriggers(scheduler);
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot open the release scheduler: " + e.getMessage(), e);
        }
    }

    /**
     * An instant as a trigger can hold it: Quartz counts in milliseconds, so every planned send time is kept at
     * that precision, or a delivery due at 09:00:00.000123 would never be reached by its trigger at 09:00:00.000.
     */
    public static Instant precision(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /** Replaces the release's triggers with one per instant. */
    public void arm(String releaseId, Collection<Instant> instants) {
        try {
            JobDetail job = JobBuilder.newJob(FireRelease.class).withIdentity(releaseId, JOB_GROUP)
                    .withDescription("release " + releaseId).storeDurably().build();
            List<Trigger> triggers = new ArrayList<>();
            for (Instant instant : instants) {
                triggers.add(TriggerBuilder.newTrigger()
                        .withIdentity(Long.toString(instant.toEpochMilli()), triggerGroup(releaseId))
                        .forJob(job)
                        .usingJobData(DUE_AT, instant.toEpochMilli())
                        .startAt(Date.from(instant))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                        .build());
            }
            if (triggers.isEmpty()) {
                disarm(releaseId);
                return;
            }
            // New triggers first, then the old ones go: at no moment is an armed release left without any.
            scheduler.scheduleJob(job, java.util.Set.copyOf(triggers), true);
            java.util.Set<TriggerKey> current = new java.util.HashSet<>();
            triggers.forEach(trigger -> current.add(trigger.getKey()));
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(triggerGroup(releaseId)))) {
                if (!current.contains(key)) {
                    scheduler.unscheduleJob(key);
                }
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot arm release " + releaseId + ": " + e.getMessage(), e);
        }
    }

    /** Removes every trigger of a release; it will not fire again until armed again. */
    public void disarm(String releaseId) {
        try {
            scheduler.deleteJob(new JobKey(releaseId, JOB_GROUP));
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot disarm release " + releaseId + ": " + e.getMessage(), e);
        }
    }

    /** The instants a release's armed triggers will fire at, earliest first. */
    public List<Instant> armed(String releaseId) {
        try {
            List<Instant> instants = new ArrayList<>();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(triggerGroup(releaseId)))) {
                Trigger trigger = scheduler.getTrigger(key);
                if (trigger != null && trigger.getNextFireTime() != null) {
                    instants.add(trigger.getNextFireTime().toInstant());
                }
            }
            instants.sort(null);
            return instants;
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot read the triggers of " + releaseId + ": " + e.getMessage(), e);
        }
    }

    /** Starts firing: only the service does this. */
    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot start the release scheduler: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new SchedulingException("cannot stop the release scheduler: " + e.getMessage(), e);
        }
    }

    private static String triggerGroup(String releaseId) {
        return "release:" + releaseId;
    }

    /** The Quartz job: one run per fired trigger, never two at once for one release. */
    @DisallowConcurrentExecution
    static final class FireRelease implements Job {
        private final Firing firing;

        FireRelease(Firing firing) {
            this.firing = firing;
        }

        @Override
        public void execute(JobExecutionContext context) {
            firing.fire(context.getJobDetail().getKey().getName(),
                    Instant.ofEpochMilli(context.getTrigger().getJobDataMap().getLong(DUE_AT)));
        }
    }

    /** Hands Quartz connections from Broadside's own pool. */
    private record Provider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to Broadside's Database and is closed with it.
        }

        @Override
        public void initialize() {
            // Nothing to set up: the pool is open already.
        }
    }
}
