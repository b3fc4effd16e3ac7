package org.casebook.riskplan;

import org.casebook.client.ChildAtRiskReported;
import org.casebook.security.CurrentUser;
import org.casebook.security.StaffUser;
import org.casebook.time.CharityClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens a safeguarding concern the moment a referral (or another record) reports an identifiable child at
 * risk: synchronously, in the reporting transaction, so the report and its concern commit or roll back together.
 */
@Component
class ChildAtRiskListener {

    private final ConcernRecorder recorder;
    private final CurrentUser currentUser;
    private final CharityClock charity;

    ChildAtRiskListener(ConcernRecorder recorder, CurrentUser currentUser, CharityClock charity) {
        this.recorder = recorder;
        this.currentUser = currentUser;
        this.charity = charity;
    }

    @EventListener
    void on(ChildAtRiskReported event) {
        var raisedBy = currentUser.get().map(StaffUser::accountId).orElse(null);
        var source = ConcernRecorder.SOURCES.contains(event.source()) ? event.source() : "referral";
        recorder.record(
                event.client(),
                event.clientCode(),
                event.whatWasLearned(),
                event.learnedOn(),
                ConcernCategory.CHILD_AT_RISK,
                event.immediateDanger(),
                source,
                raisedBy,
                charity.today());
    }
}
