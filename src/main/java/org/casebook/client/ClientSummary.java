package org.casebook.client;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whose record this is, for the header of every page about one client: code, preferred name, status, both
 * risk ratings and what needs attention, danger first; and the note waiting to be written, if any (a route).
 */
public record ClientSummary(
        String code,
        String preferredName,
        CaseStatus status,
        @Nullable RiskLevel toOthers,
        @Nullable RiskLevel toSelf,
        boolean breakGlass,
        List<ClientAlert> alerts,
        @Nullable String noteToWrite) {

    public ClientSummary {
        alerts = alerts.stream()
                .sorted(java.util.Comparator.comparing(ClientAlert::kind))
                .toList();
    }
}
