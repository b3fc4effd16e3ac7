package org.casebook.referral;

import java.time.LocalDate;
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralChoices.Urgency;
import org.jspecify.annotations.Nullable;

/**
 * A referral as typed at intake. Everything may be missing here: the service validates and says, field by
 * field, what is wrong ({@link org.casebook.validation.InvalidFields}). Free text is personal or clinical data: never log it.
 */
public record NewReferral(
        @Nullable Source source,
        @Nullable String referrerContact,
        @Nullable LocalDate receivedOn,
        @Nullable String preferredName,
        @Nullable Integer yearOfBirth,
        @Nullable String postcodeDistrict,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String postalAddress,
        boolean voicemailOk,
        boolean textOk,
        boolean letterOk,
        boolean emailOk,
        @Nullable String bestTimes,
        @Nullable String contactNotes,
        @Nullable Concern presentingConcern,
        @Nullable LegalStatus legalStatus,
        @Nullable LocalDate arrestedOn,
        @Nullable ChildAccess accessToChildren,
        boolean childAtRisk,
        @Nullable String childAtRiskDetails,
        boolean childInImmediateDanger,
        boolean selfHarmRisk,
        @Nullable Urgency urgency,
        @Nullable String summary) {

    @Override
    public String toString() {
        return "NewReferral[" + source + ", " + receivedOn + "]";
    }
}
