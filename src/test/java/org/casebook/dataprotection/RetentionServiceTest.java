package org.casebook.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.casebook.client.ClientAccessDenied;
import org.casebook.encryption.EncryptedColumn;
import org.casebook.encryption.FieldEncryption;
import org.casebook.referral.ReferralChoices;
import org.casebook.referral.ReferralService;
import org.casebook.referral.Referrals;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

class RetentionServiceTest extends DataProtectionTest {

    @Autowired
    RetentionService retention;

    @Autowired
    RetentionSweep sweep;

    @Autowired
    RetentionJob job;

    @Autowired
    ReferralService referrals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldEncryption encryption;

    @Autowired
    ObjectProvider<EncryptedColumn> columns;

    private String closedCase() {
        var client = testClients.activeWith("counsellor1");
        runAs.as(
                "supervisor",
                () -> referrals.close(
                        client.code(),
                        ReferralChoices.ClosureReason.COMPLETED,
                        "Completed the work agreed (fictional)."));
        return client.code();
    }

    private void moveTo(LocalDate day) {
        clock.advance(Duration.ofDays(day.toEpochDay() - charity.today().toEpochDay()));
    }

    private Optional<RetentionCandidate> listed(String code) {
        return runAs.as("supervisor", () -> retention.pending()).stream()
                .filter(c -> c.clientCode().equals(code))
                .findFirst();
    }

    private boolean anonymised(String code) {
        return jdbc.queryForObject("select anonymised_on from client where code = ?", LocalDate.class, code) != null;
    }

    @Test
    void closedCaseIsListedForApprovalSevenYearsAfterClosureAndNotADayBefore() {
        var code = closedCase();
        var closedOn = charity.today();
        moveTo(closedOn.plusYears(7).minusDays(1));
        sweep.findDue(charity.today());
        assertThat(listed(code)).isEmpty();

        moveTo(closedOn.plusYears(7));
        sweep.findDue(charity.today());
        var candidate = listed(code).orElseThrow();
        assertThat(candidate.rule()).isEqualTo(RetentionRule.CLOSED_CASE);
        assertThat(candidate.dueOn()).isEqualTo(closedOn.plusYears(7));
        assertThat(candidate.foundOn()).isEqualTo(charity.today());
        // Listing is all the job does: nothing disappears without a person's approval.
        assertThat(anonymised(code)).isFalse();
        sweep.findDue(charity.today());
        assertThat(jdbc.queryForObject("select count(*) from retention_review where client_code = ?", Long.class, code))
                .as("listed once")
                .isEqualTo(1);
    }

    @Test
    void referralThatNeverBecameACaseIsListedOneYearAfterItWasClosed() {
        var code = runAs.as("counsellor1", () -> referrals.receive(Referrals.valid(charity.today()), true))
                .code();
        runAs.as("supervisor", () -> referrals.triage(code, false, "Outside the charity's remit (fictional)."));
        var closedOn = charity.today();
        moveTo(closedOn.plusYears(1).minusDays(1));
        sweep.findDue(charity.today());
        assertThat(listed(code)).isEmpty();
        moveTo(closedOn.plusYears(1));
        sweep.findDue(charity.today());
        assertThat(listed(code).orElseThrow().rule()).isEqualTo(RetentionRule.REFERRAL_ONLY);
    }

    @Test
    void caseWithAConcernReferredToThePoliceIsKeptTwentyFiveYearsThenAnonymisedOnApprovalLeavingNothingInTheDatabase() {
        var planted = fullRecord.closed();
        var closedOn = charity.today();
        moveTo(closedOn.plusYears(7));
        sweep.findDue(charity.today());
        assertThat(listed(planted.code())).isEmpty();
        moveTo(closedOn.plusYears(25));
        sweep.findDue(charity.today());
        var candidate = listed(planted.code()).orElseThrow();
        assertThat(candidate.rule()).isEqualTo(RetentionRule.SAFEGUARDING_REFERRED);

        var scan = new DatabaseScan(jdbc, encryption, columns.stream().toList());
        var ciphertexts = scan.ciphertextsHolding(planted.everything());
        assertThat(ciphertexts).isNotEmpty();
        reAuthenticated("supervisor");
        runAs.as("supervisor", () -> retention.approve(candidate.id()));

        assertThat(anonymised(planted.code())).isTrue();
        assertThat(scan.find(planted.everything())).isEmpty();
        assertThat(scan.whereStill(ciphertexts)).isEmpty();
        assertThat(listed(planted.code())).isEmpty();
        // Nobody opens an anonymised record again, not even its team's supervisor.
        assertThatThrownBy(
                        () -> runAs.as("supervisor", () -> retention.placeHold(planted.code(), "Inquiry (fictional)")))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    void legalHoldStopsRetentionUntilReleasedAndEveryStepIsAudited() {
        var code = closedCase();
        var closedOn = charity.today();
        moveTo(closedOn.plusYears(7));
        sweep.findDue(charity.today());
        var candidate = listed(code).orElseThrow();

        assertThatThrownBy(() -> runAs.as("supervisor", () -> retention.placeHold(code, " ")))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("reason")).isNotBlank());
        var hold = runAs.as("supervisor", () -> retention.placeHold(code, "County court claim (fictional)"));
        assertThat(listed(code)).as("taken off the list while held").isEmpty();
        assertThat(runAs.as("supervisor", () -> retention.holds())).anySatisfy(h -> {
            assertThat(h.clientCode()).isEqualTo(code);
            assertThat(h.reason()).isEqualTo("County court claim (fictional)");
        });
        reAuthenticated("supervisor");
        assertThatThrownBy(() -> runAs.as("supervisor", () -> retention.approve(candidate.id())))
                .isInstanceOf(InvalidFields.class);
        moveTo(charity.today().plusYears(3));
        sweep.findDue(charity.today());
        assertThat(listed(code)).as("the daily job skips a held record").isEmpty();
        assertThat(anonymised(code)).isFalse();

        runAs.as("supervisor", () -> retention.releaseHold(hold, "Claim settled (fictional)"));
        sweep.findDue(charity.today());
        assertThat(listed(code)).isPresent();
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where client_ref = ? order by seq", String.class, code))
                .containsSubsequence("RETENTION_DUE", "LEGAL_HOLD_PLACED", "LEGAL_HOLD_RELEASED", "RETENTION_DUE");
        assertThat(jdbc.queryForList(
                        "select reason from audit_entry where client_ref = ? and reason is not null",
                        String.class,
                        code))
                .noneMatch(r -> r.contains("County court") || r.contains("settled"));
    }

    @Test
    void approvalNeedsAFreshReAuthenticationAndTheSupervisorOfTheClientsTeam() {
        var code = closedCase();
        moveTo(charity.today().plusYears(7));
        sweep.findDue(charity.today());
        var candidate = listed(code).orElseThrow();

        assertThatThrownBy(() -> runAs.as("supervisor", () -> retention.approve(candidate.id())))
                .isInstanceOf(AccessDeniedException.class);
        reAuthenticated("supervisor2");
        assertThatThrownBy(() -> runAs.as("supervisor2", () -> retention.approve(candidate.id())))
                .isInstanceOf(ClientAccessDenied.class);
        assertThat(runAs.as("supervisor2", () -> retention.pending()))
                .noneMatch(c -> c.clientCode().equals(code));
        for (var user : List.of("counsellor1", "admin")) {
            assertThatThrownBy(() -> runAs.as(user, () -> retention.approve(candidate.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> runAs.as(user, () -> retention.pending()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> runAs.as(user, () -> retention.placeHold(code, "Inquiry (fictional)")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> runAs.as(user, () -> retention.holds())).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(anonymised(code)).isFalse();
        reAuthenticated("supervisor");
        runAs.as("supervisor", () -> retention.approve(candidate.id()));
        assertThat(anonymised(code)).isTrue();
    }

    @Test
    void administratorsAndSupervisorsSeeTheScheduleWithTheRuleBehindEachFigureCounsellorsDoNot() {
        for (var user : List.of("admin", "supervisor")) {
            var schedule = runAs.as(user, () -> retention.schedule());
            assertThat(schedule)
                    .extracting(ScheduleEntry::recordType)
                    .containsExactly(
                            "Closed case",
                            "Referral that never became a case",
                            "Case with a safeguarding referral",
                            "Audit log");
            assertThat(schedule)
                    .extracting(ScheduleEntry::keptFor)
                    .containsExactly("7 years", "1 year", "25 years", "7 years");
            assertThat(schedule).allSatisfy(e -> assertThat(e.basis()).hasSizeGreaterThan(40));
        }
        assertThatThrownBy(() -> runAs.as("counsellor1", () -> retention.schedule()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void dailyJobListsWhatIsDueOnTheCharitysToday() {
        var code = closedCase();
        moveTo(charity.today().plusYears(7));
        job.run();
        assertThat(listed(code)).isPresent();
    }
}
