package org.casebook.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Verifies the chain in the background and raises an alert in the log when it is broken. */
@Component
class ScheduledVerification {

    private static final Logger log = LoggerFactory.getLogger(ScheduledVerification.class);

    private final AuditVerifier verifier;

    ScheduledVerification(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Scheduled(
            fixedDelayString = "${casebook.audit.verify-interval:1h}",
            initialDelayString = "${casebook.audit.verify-interval:1h}")
    @SchedulerLock(
            name = "audit-verification",
            lockAtLeastFor = "${casebook.audit.verify-interval:1h}",
            lockAtMostFor = "${casebook.audit.verify-lock-at-most-for:3h}")
    void verify() {
        check();
    }

    VerificationResult check() {
        var result = verifier.verify();
        if (result.intact()) {
            log.info(
                    "Audit log verified: {} entries ({} not yet chained), {} anchors, in {} ms",
                    result.entriesChecked(),
                    result.unchained(),
                    result.anchorsChecked(),
                    result.took().toMillis());
        } else {
            log.error(
                    "AUDIT LOG INTEGRITY ALERT: {} (problem: {}, entry {})",
                    result.message(),
                    result.problem(),
                    result.firstBrokenSeq());
        }
        if (result.overdue() > 0) {
            log.error(
                    "AUDIT LOG CHAINING ALERT: {} entries have waited longer than {} to be chained",
                    result.overdue(),
                    result.chainBound());
        }
        return result;
    }
}
