package org.casebook.referral;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralChoices.Urgency;
import org.jspecify.annotations.Nullable;

/** Fictional referrals for tests; each call gets its own phone, email and name unless told otherwise. */
public final class Referrals {

    private static final AtomicInteger SERIAL = new AtomicInteger(500);

    private Referrals() {}

    public static NewReferral valid(LocalDate today) {
        int n = SERIAL.incrementAndGet();
        return referral(
                "Test Referral " + n + " (fictional)",
                "07700 9" + String.format("%05d", n),
                "referral" + n + "@example.invalid",
                1980,
                today,
                null,
                false,
                null);
    }

    public static NewReferral referral(
            String name,
            @Nullable String phone,
            @Nullable String email,
            int year,
            LocalDate receivedOn,
            @Nullable LocalDate arrestedOn,
            boolean selfHarm,
            @Nullable String childAtRisk) {
        return new NewReferral(
                Source.SELF,
                null,
                receivedOn,
                name,
                year,
                "ZZ9",
                phone,
                email,
                null,
                true,
                false,
                false,
                false,
                "Evenings",
                null,
                Concern.THOUGHTS_OR_URGES,
                arrestedOn == null ? LegalStatus.NONE_KNOWN : LegalStatus.UNDER_INVESTIGATION,
                arrestedOn,
                ChildAccess.NONE,
                childAtRisk != null,
                childAtRisk,
                false,
                selfHarm,
                Urgency.ROUTINE,
                "Fictional test referral.");
    }
}
