package org.casebook.referral;

import java.time.LocalDate;
import org.casebook.client.CaseStatus;
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralChoices.Urgency;
import org.jspecify.annotations.Nullable;

/** The records the referral service returns to screens. */
public final class ReferralViews {

    private ReferralViews() {}

    /** A referral just recorded. */
    public record ReceivedReferral(
            String code, boolean urgent, @Nullable String urgentBecause, boolean childAtRisk) {}

    /** The referral, as the client page shows it. Free text is clinical: never log it. */
    public record ReferralDetails(
            String code,
            Source source,
            @Nullable String referrerContact,
            LocalDate receivedOn,
            Concern presentingConcern,
            LegalStatus legalStatus,
            @Nullable LocalDate arrestedOn,
            ChildAccess accessToChildren,
            boolean childAtRisk,
            @Nullable String childAtRiskDetails,
            boolean selfHarmRisk,
            Urgency urgency,
            @Nullable String urgentBecause,
            @Nullable String summary,
            @Nullable Boolean eligible,
            @Nullable String triageReason) {}

    /** A case on a team's queue (to triage, waiting, assigned): by code, never by name. */
    public record QueueRow(
            String code,
            CaseStatus status,
            @Nullable Integer priority,
            LocalDate receivedOn,
            @Nullable Source source,
            @Nullable String urgentBecause,
            boolean childAtRisk,
            boolean matchElsewhere,
            @Nullable String counsellor) {

        public boolean urgent() {
            return urgentBecause != null;
        }
    }

    /** A counsellor who may be offered a client, with what helps a supervisor choose. */
    public record CounsellorOption(
            long id, String name, long openCases, @Nullable String postcodeArea) {}

    /** A referral that disclosed an identifiable child at risk and is not yet triaged. */
    public record FlaggedReferral(String code, LocalDate receivedOn) {}
}
