package org.casebook.riskplan;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.casebook.client.ClientId;
import org.casebook.client.RiskFacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Current ratings and review dates for the caseload grid and the client page, in one query. */
@Component
class PlanRiskFacts implements RiskFacts {

    private final RiskPlanRepository plans;

    PlanRiskFacts(RiskPlanRepository plans) {
        this.plans = plans;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ClientId, RiskSummary> riskSummaries(Collection<ClientId> clients) {
        if (clients.isEmpty()) {
            return Map.of();
        }
        var result = new HashMap<ClientId, RiskSummary>();
        plans.findByClientIdIn(clients.stream().map(ClientId::value).toList())
                .forEach(p -> result.put(
                        new ClientId(p.clientId()), new RiskSummary(p.riskToOthers(), p.riskToSelf(), p.nextReview())));
        return result;
    }
}
