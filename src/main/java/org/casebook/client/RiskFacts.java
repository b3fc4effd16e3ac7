package org.casebook.client;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Implemented by the risk-plan module, so lists of clients and the client page can show risk. */
public interface RiskFacts {

    /** Current risk ratings and review date of a client's plan; any part may be missing. */
    record RiskSummary(
            @Nullable RiskLevel toOthers,
            @Nullable RiskLevel toSelf,
            @Nullable LocalDate reviewDue) {}

    /** The summary of each client that has a plan. Called only for clients already allowed. */
    Map<ClientId, RiskSummary> riskSummaries(Collection<ClientId> clients);
}
