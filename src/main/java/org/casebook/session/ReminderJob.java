package org.casebook.session;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code casebook.reminders.interval}, sends the reminders that are due. One instance runs it at a time
 * (ShedLock); each reminder row is also versioned, so a second instance never sends one twice.
 */
@Component
class ReminderJob {

    private final ReminderDelivery delivery;

    ReminderJob(ReminderDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(
            fixedDelayString = "${casebook.reminders.interval:1m}",
            initialDelayString = "${casebook.reminders.interval:1m}")
    @SchedulerLock(name = "appointment-reminders", lockAtMostFor = "10m")
    void run() {
        delivery.sendDue(200);
    }
}
