package org.casebook.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The records the consent service takes and returns. */
public final class ConsentRecords {

    private ConsentRecords() {}

    /** A published version of the limits-of-confidentiality agreement. */
    public record AgreementText(long id, String label, LocalDate publishedOn, String text) {}

    /** A client taken through a version of the agreement. */
    public record AgreementGiven(
            String versionLabel,
            LocalDate agreedOn,
            HowGiven how,
            @Nullable String recordedBy,
            boolean onLatestVersion) {}

    /** A consent to share with a named person or organisation. {@code named} is personal data. */
    public record ShareConsentRow(
            UUID id,
            long version,
            ShareRecipient recipient,
            String named,
            LocalDate givenOn,
            @Nullable LocalDate withdrawnOn) {

        public boolean isActive() {
            return withdrawnOn == null;
        }
    }

    /** Everything the client page shows about consent. */
    public record ConsentOverview(
            String code,
            @Nullable AgreementText latestVersion,
            List<AgreementGiven> agreements,
            List<ShareConsentRow> shareConsents) {

        public boolean needsReConsent() {
            return latestVersion != null
                    && !agreements.isEmpty()
                    && !agreements.getFirst().onLatestVersion();
        }

        public boolean neverAgreed() {
            return agreements.isEmpty();
        }
    }

    /** A client whose most recent agreement is on an older version. */
    public record ReConsentDue(String code, CaseStatus status, String versionAgreed, LocalDate agreedOn) {}
}
