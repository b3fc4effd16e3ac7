package org.casebook.riskplan;

import java.util.ArrayList;
import java.util.List;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientAlert;
import org.casebook.client.ClientAlertFacts;
import org.casebook.time.CharityClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client header's safeguarding and trigger-date chips, in two queries. (An overdue review comes from the
 * plan's review date, which the header already has.)
 */
@Component
class RiskPlanAlerts implements ClientAlertFacts {

    private final ConcernRepository concerns;
    private final TriggerDateRepository triggers;
    private final CharityClock charity;

    RiskPlanAlerts(ConcernRepository concerns, TriggerDateRepository triggers, CharityClock charity) {
        this.concerns = concerns;
        this.triggers = triggers;
        this.charity = charity;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClientAlert> alerts(ClientAccess client) {
        var result = new ArrayList<ClientAlert>();
        var counts = concerns.countOpenOf(client.id().value());
        long open = counts.isEmpty() ? 0 : ((Number) counts.getFirst()[0]).longValue();
        long immediate = counts.isEmpty() ? 0 : ((Number) counts.getFirst()[1]).longValue();
        if (immediate > 0) {
            result.add(new ClientAlert(
                    ClientAlert.Kind.IMMEDIATE_DANGER,
                    immediate == 1 ? "Open concern: immediate danger" : immediate + " open concerns: immediate danger",
                    "client/" + client.code()));
        }
        if (open > immediate) {
            long others = open - immediate;
            result.add(new ClientAlert(
                    ClientAlert.Kind.OPEN_CONCERN,
                    others == 1 ? "Open safeguarding concern" : others + " open safeguarding concerns",
                    "client/" + client.code()));
        }
        var today = charity.today();
        var near = triggers.findByClientIdAndOnDateBetweenOrderByOnDate(
                client.id().value(), today.minusDays(CheckIn.DAYS_AFTER), today.plusDays(CheckIn.DAYS_BEFORE));
        if (!near.isEmpty()) {
            var first = near.getFirst();
            result.add(new ClientAlert(
                    ClientAlert.Kind.TRIGGER_DATE_NEAR,
                    "Trigger date near: "
                            + first.kind().label().toLowerCase(java.util.Locale.ROOT) + ", "
                            + org.casebook.ui.Dates.day(first.onDate()),
                    "plan/" + client.code()));
        }
        return result;
    }
}
