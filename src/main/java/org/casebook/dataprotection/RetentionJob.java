package org.casebook.dataprotection;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.casebook.time.CharityClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day, lists the records past their retention date for supervisors to decide on (one instance runs it). */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionSweep sweep;
    private final CharityClock charity;

    RetentionJob(RetentionSweep sweep, CharityClock charity) {
        this.sweep = sweep;
        this.charity = charity;
    }

    @Scheduled(cron = "${casebook.retention.cron:0 30 2 * * *}", zone = "${casebook.time-zone}")
    @SchedulerLock(name = "retention-review", lockAtLeastFor = "5m", lockAtMostFor = "1h")
    void run() {
        int listed = sweep.findDue(charity.today());
        log.info("Retention review: {} record(s) newly past their retention date, listed for a supervisor", listed);
    }
}
