package org.casebook.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import org.casebook.client.ConsentRecords.ReConsentDue;
import org.casebook.security.RunAsStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
class ConsentServiceTest {

    static final String TEXT = "Test agreement text (fictional): what stays private and what must be shared, and why.";

    @Autowired
    ConsentService consent;

    @Autowired
    TestClients testClients;

    @Autowired
    RunAsStaff runAs;

    @Autowired
    Clock clock;

    @Test
    void agreementIsRecordedWithVersionDateAndHowAndAPublishedVersionListsOlderOnesForReConsent() {
        var today = LocalDate.now(clock);
        var client = testClients.activeWith("counsellor1");
        var current = runAs.as("counsellor1", () -> consent.latestVersion()).orElseThrow();
        runAs.as("counsellor1", () -> consent.recordAgreement(client.code(), current.id(), today, HowGiven.VIDEO));
        var overview = runAs.as("counsellor1", () -> consent.overview(client.code()));
        assertThat(overview.agreements()).singleElement().satisfies(a -> {
            assertThat(a.versionLabel()).isEqualTo(current.label());
            assertThat(a.how()).isEqualTo(HowGiven.VIDEO);
            assertThat(a.agreedOn()).isEqualTo(today);
            assertThat(a.recordedBy()).isEqualTo("Casey Counsellor (demo)");
        });
        assertThat(overview.needsReConsent()).isFalse();
        assertThat(runAs.as("counsellor1", () -> consent.needingReConsent()))
                .extracting(ReConsentDue::code)
                .doesNotContain(client.code());

        runAs.as("supervisor", () -> consent.publishVersion("test-" + System.nanoTime(), TEXT, today));
        assertThat(runAs.as("counsellor1", () -> consent.needingReConsent()))
                .extracting(ReConsentDue::code)
                .contains(client.code());
        assertThat(runAs.as("supervisor", () -> consent.needingReConsent()))
                .extracting(ReConsentDue::code)
                .contains(client.code());
        assertThat(runAs.as("counsellor2", () -> consent.needingReConsent()))
                .extracting(ReConsentDue::code)
                .doesNotContain(client.code());
        assertThat(runAs.as("counsellor1", () -> consent.overview(client.code()))
                        .needsReConsent())
                .isTrue();
    }

    @Test
    void consentsToShareAreSeparateDatedAndWithdrawnWithoutLosingTheRecord() {
        var today = LocalDate.now(clock);
        var client = testClients.activeWith("counsellor2");
        var id = runAs.as(
                "counsellor2",
                () -> consent.addShareConsent(
                        client.code(), ShareRecipient.GP, "Dr Test, Example surgery (fictional)", today.minusDays(3)));
        runAs.as(
                "counsellor2",
                () -> consent.addShareConsent(client.code(), ShareRecipient.PROBATION, "Probation (fictional)", today));
        assertThatThrownBy(
                        () -> runAs.as("counsellor2", () -> consent.withdrawShareConsent(client.code(), id, 7, today)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        runAs.as("counsellor2", () -> consent.withdrawShareConsent(client.code(), id, 0, today));
        var rows =
                runAs.as("counsellor2", () -> consent.overview(client.code())).shareConsents();
        assertThat(rows).hasSize(2);
        assertThat(rows)
                .filteredOn(r -> r.recipient() == ShareRecipient.GP)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.named()).isEqualTo("Dr Test, Example surgery (fictional)");
                    assertThat(r.withdrawnOn()).isEqualTo(today);
                    assertThat(r.isActive()).isFalse();
                });
        assertThatThrownBy(() -> runAs.as(
                        "counsellor2", () -> consent.addShareConsent(client.code(), ShareRecipient.GP, " ", today)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runAs.as(
                        "counsellor2",
                        () -> consent.addShareConsent(
                                client.code(), ShareRecipient.GP, "Tomorrow's GP", today.plusDays(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needToKnowAndRolesApplyToConsent() {
        var today = LocalDate.now(clock);
        var client = testClients.activeWith("counsellor1");
        var version = runAs.as("counsellor1", () -> consent.latestVersion())
                .orElseThrow()
                .id();
        assertThatThrownBy(() -> runAs.as("counsellor2", () -> consent.overview(client.code())))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> runAs.as(
                        "supervisor2", () -> consent.recordAgreement(client.code(), version, today, HowGiven.PHONE)))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> runAs.as("counsellor1", () -> consent.publishVersion("sneaky", TEXT, today)))
                .isInstanceOf(AccessDeniedException.class);
        runAs.as("admin", () -> {
            assertThatThrownBy(() -> consent.latestVersion()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consent.versions()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consent.overview(client.code())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consent.recordAgreement(client.code(), version, today, HowGiven.PHONE))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consent.addShareConsent(client.code(), ShareRecipient.GP, "GP", today))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consent.withdrawShareConsent(client.code(), java.util.UUID.randomUUID(), 0, today))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consent.needingReConsent()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> consent.publishVersion("admin", TEXT, today))
                    .isInstanceOf(AccessDeniedException.class);
        });
    }
}
