package org.casebook.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.casebook.client.ChildAtRiskReported;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.IllegalCaseTransition;
import org.casebook.client.TestClients;
import org.casebook.referral.ReferralChoices.ClosureReason;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralViews.CounsellorOption;
import org.casebook.referral.ReferralViews.FlaggedReferral;
import org.casebook.referral.ReferralViews.QueueRow;
import org.casebook.security.RunAsStaff;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@RecordApplicationEvents
class ReferralServiceTest {

    @Autowired
    ReferralService referrals;

    @Autowired
    ClientService clients;

    @Autowired
    TestClients testClients;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    RunAsStaff runAs;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorTakesAReferralIntoTheirTeamWithPersonalTextSealed() {
        var received = referrals.receive(Referrals.valid(today()), false);
        assertThat(received.code()).matches("[A-Z0-9]{3}-[A-Z0-9]{3}");
        assertThat(received.urgent()).isFalse();
        var row = jdbc.queryForMap(
                "select r.team_id, r.summary, c.status, c.preferred_name from referral r join client c "
                        + "on c.id = r.id where c.code = ?",
                received.code());
        assertThat(row.get("team_id"))
                .isEqualTo(jdbc.queryForObject(
                        "select team_id from staff_account where username = 'counsellor1'", Long.class));
        assertThat(row.get("status")).isEqualTo("RECEIVED");
        assertThat(new String((byte[]) row.get("summary"), StandardCharsets.ISO_8859_1))
                .doesNotContain("Fictional");
        assertThat(new String((byte[]) row.get("preferred_name"), StandardCharsets.ISO_8859_1))
                .doesNotContain("Test Referral");
        // Received, not assigned: the counsellor who took it does not see it afterwards (need-to-know).
        assertThatThrownBy(() -> referrals.referral(received.code())).isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void missingAndWrongFieldsAreReportedFieldByField() {
        var empty = new NewReferral(
                Source.GP,
                " ",
                today().plusDays(1),
                "",
                1850,
                "not a postcode",
                null,
                "nope",
                null,
                false,
                true,
                true,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                true,
                "",
                false,
                false,
                null,
                null);
        assertThatThrownBy(() -> referrals.receive(empty, false))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .containsKeys(
                                        "referrerContact",
                                        "receivedOn",
                                        "preferredName",
                                        "yearOfBirth",
                                        "postcodeDistrict",
                                        "phone",
                                        "email",
                                        "postalAddress",
                                        "presentingConcern",
                                        "legalStatus",
                                        "accessToChildren",
                                        "childAtRiskDetails",
                                        "urgency"));
    }

    @Test
    @WithUserDetails("supervisor")
    void sameContactDetailsOrNameAndYearArePointedOutBeforeSaving() {
        var first = referrals.receive(
                Referrals.referral(
                        "Alexis Dupe (fictional)",
                        "07700 911111",
                        "dupe@example.invalid",
                        1977,
                        today(),
                        null,
                        false,
                        null),
                false);
        var samePhone = Referrals.referral(
                "Someone Else (fictional)", "+44 7700 911111", null, 1990, today(), null, false, null);
        var sameEmail = Referrals.referral(
                "Another One (fictional)", null, " DUPE@example.invalid ", 1991, today(), null, false, null);
        var sameName =
                Referrals.referral("alexis  dupe (fictional)", "07700 922222", null, 1977, today(), null, false, null);
        var different =
                Referrals.referral("Alexis Dupe (fictional)", "07700 933333", null, 1978, today(), null, false, null);

        assertThat(referrals.possibleDuplicates(samePhone).visible())
                .extracting(PossibleDuplicate::code, PossibleDuplicate::matchedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.code(), "phone"));
        assertThat(referrals.possibleDuplicates(sameEmail).visible())
                .extracting(PossibleDuplicate::matchedOn)
                .containsExactly("email");
        assertThat(referrals.possibleDuplicates(sameName).visible())
                .extracting(PossibleDuplicate::matchedOn)
                .containsExactly("name and year of birth");
        assertThat(referrals.possibleDuplicates(different).isEmpty()).isTrue();

        assertThatThrownBy(() -> referrals.receive(samePhone, false))
                .isInstanceOfSatisfying(
                        PossibleDuplicatesFound.class,
                        found -> assertThat(found.check().visible())
                                .extracting(PossibleDuplicate::code)
                                .containsExactly(first.code()));
        assertThat(referrals.receive(samePhone, true).code()).isNotEqualTo(first.code());
        // The index is keyed: the stored value is not a plain hash of the phone number.
        var stored = jdbc.queryForObject(
                "select phone_match from referral r join client c on c.id = r.id where c.code = ?",
                String.class,
                first.code());
        assertThat(stored).hasSize(64).isNotEqualTo(sha256("phone:07700911111"));
    }

    @Test
    void aMatchTheCounsellorMayNotOpenIsNotNamedButFlaggedForTheirSupervisorAndAudited() {
        // A referral taken in North team; a counsellor of South team then enters the same phone number.
        var phone = String.format("07700 988%03d", Math.floorMod(System.nanoTime(), 1000));
        var first = runAs.as(
                "supervisor",
                () -> referrals.receive(
                        Referrals.referral("Hidden Match (fictional)", phone, null, 1970, today(), null, false, null),
                        true));
        var sameDetails = Referrals.referral("Someone Else (fictional)", phone, null, 1991, today(), null, false, null);

        var check = runAs.as("counsellor3", () -> referrals.possibleDuplicates(sameDetails));
        assertThat(check.visible()).isEmpty();
        assertThat(check.matchElsewhere()).isTrue();
        assertThat(DuplicateCheck.ELSEWHERE).contains("your supervisor has been told");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where record_type = 'possible-duplicate' "
                                + "and actor_username = 'counsellor3' and client_ref = ? and reason like 'matched at intake, not shown%'",
                        Long.class, first.code()))
                .isPositive();
        assertThatThrownBy(() -> runAs.as("counsellor3", () -> referrals.receive(sameDetails, false)))
                .isInstanceOfSatisfying(
                        PossibleDuplicatesFound.class,
                        found -> assertThat(found.check().visible()).isEmpty());
        var saved = runAs.as("counsellor3", () -> referrals.receive(sameDetails, true));

        // South team's supervisor sees the flag in triage.
        var row = runAs.as("supervisor2", () -> referrals.toTriage()).stream()
                .filter(r -> r.code().equals(saved.code()))
                .findFirst()
                .orElseThrow();
        assertThat(row.matchElsewhere()).isTrue();
        // North team's supervisor, who may open the first client, sees it named.
        assertThat(runAs.as("supervisor", () -> referrals.possibleDuplicates(sameDetails))
                        .visible())
                .extracting(PossibleDuplicate::code)
                .contains(first.code());
    }

    @Test
    void selfHarmOrARecentArrestIsUrgentButAnOldArrestIsNot() {
        var selfHarm = as(
                "counsellor1",
                () -> referrals.receive(
                        Referrals.referral(
                                "Urgent A (fictional)", "07700 944441", null, 1980, today(), null, true, null),
                        true));
        var recentArrest = as(
                "counsellor1",
                () -> referrals.receive(
                        Referrals.referral(
                                "Urgent B (fictional)",
                                "07700 944442",
                                null,
                                1980,
                                today(),
                                today().minusDays(ReferralService.RECENT_ARREST_DAYS),
                                false,
                                null),
                        true));
        var oldArrest = as(
                "counsellor1",
                () -> referrals.receive(
                        Referrals.referral(
                                "Urgent C (fictional)",
                                "07700 944443",
                                null,
                                1980,
                                today(),
                                today().minusDays(ReferralService.RECENT_ARREST_DAYS + 1),
                                false,
                                null),
                        true));
        assertThat(selfHarm.urgentBecause()).contains("self-harm");
        assertThat(recentArrest.urgentBecause()).contains("very high risk of suicide");
        assertThat(oldArrest.urgent()).isFalse();
        var toTriage = as("supervisor", () -> referrals.toTriage());
        assertThat(toTriage)
                .filteredOn(r -> r.code().equals(recentArrest.code()))
                .singleElement()
                .satisfies(r -> assertThat(r.urgent()).isTrue());
    }

    @Test
    void aChildAtRiskIsReportedAtOnceAndFlaggedForTheTeamsSupervisorUntilTriaged() {
        var received = as(
                "counsellor2",
                () -> referrals.receive(
                        Referrals.referral(
                                "Child Risk (fictional)",
                                "07700 955551",
                                null,
                                1975,
                                today(),
                                null,
                                false,
                                "Named child at the same address (fictional)."),
                        true));
        assertThat(received.childAtRisk()).isTrue();
        assertThat(events.stream(ChildAtRiskReported.class)).anySatisfy(event -> {
            assertThat(event.clientCode()).isEqualTo(received.code());
            assertThat(event.whatWasLearned()).isEqualTo("Named child at the same address (fictional).");
            assertThat(event.source()).isEqualTo("referral");
        });
        assertThat(as("supervisor", () -> referrals.flaggedChildAtRisk()))
                .extracting(FlaggedReferral::code)
                .contains(received.code());
        assertThat(as("supervisor2", () -> referrals.flaggedChildAtRisk()))
                .extracting(FlaggedReferral::code)
                .doesNotContain(received.code());
        var toTriage = as("supervisor", () -> referrals.toTriage());
        assertThat(toTriage)
                .filteredOn(r -> r.code().equals(received.code()))
                .singleElement()
                .satisfies(r -> assertThat(r.childAtRisk()).isTrue());
        // Referrals naming a child at risk lead the list, then the other urgent ones, then the rest.
        assertThat(toTriage)
                .extracting(r -> r.childAtRisk() ? 0 : r.urgent() ? 1 : 2)
                .isSorted();
        // One entry for the flagged referral, one for the safeguarding concern opened from it in the same transaction.
        assertThat(jdbc.queryForList(
                        "select record_type from audit_entry where client_ref = ? and action = ? order by seq",
                        String.class,
                        received.code(),
                        "SAFEGUARDING_RAISED"))
                .containsExactly("referral", "safeguarding-concern");

        as("supervisor", () -> referrals.triage(received.code(), true, "Adult, within remit; concern opened."));
        assertThat(as("supervisor", () -> referrals.flaggedChildAtRisk()))
                .extracting(FlaggedReferral::code)
                .doesNotContain(received.code());
    }

    @Test
    void everyLegalMoveOfTheCaseWorksThroughTheServices() {
        var code = as(
                "counsellor1",
                () -> referrals.receive(Referrals.valid(today()), false).code());
        as("supervisor", () -> referrals.triage(code, true, "Adult, within remit."));
        assertThat(status(code)).isEqualTo("TRIAGED");
        as("supervisor", () -> referrals.addToWaitingList(code, 1));
        assertThat(status(code)).isEqualTo("WAITING");
        assertThat(as("supervisor", () -> referrals.waitingList()))
                .extracting(QueueRow::code)
                .contains(code);
        var counsellor1 = testClients.id("counsellor1");
        as("supervisor", () -> referrals.assign(code, counsellor1, "Nearest with space."));
        assertThat(status(code)).isEqualTo("ASSIGNED");
        assertThat(as("counsellor1", () -> referrals.referral(code))).isPresent();
        var counsellor2 = testClients.id("counsellor2");
        as("supervisor", () -> referrals.assign(code, counsellor2, "Casey's caseload is full."));
        assertThat(status(code)).isEqualTo("ASSIGNED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where client_ref = ? and action = 'REASSIGN'",
                        Long.class,
                        code))
                .isEqualTo(1);
        as(
                "counsellor2",
                () -> referrals.close(code, ClosureReason.DISENGAGED, "Did not reply to three safe contacts."));
        assertThat(status(code)).isEqualTo("CLOSED");
        var history = as("supervisor", () -> clients.history(code));
        assertThat(history)
                .extracting(org.casebook.client.CaseHistoryEntry::what)
                .containsExactly(
                        "Referral received",
                        "Moved to triaged",
                        "Moved to waiting",
                        "Assigned",
                        "Reassigned",
                        "Closed");
        assertThat(history.get(4).by()).isEqualTo("Sam Supervisor (demo)");
        assertThat(history.get(4).counsellor()).isEqualTo("Robin Counsellor (demo)");
    }

    @Test
    void notEligibleClosesTheCaseWithTheReason() {
        var code = as(
                "counsellor1",
                () -> referrals.receive(Referrals.valid(today()), false).code());
        as("supervisor", () -> referrals.triage(code, false, "Under 18: referred on."));
        assertThat(status(code)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select closure_reason from client where code = ?", String.class, code))
                .isEqualTo("NOT_ELIGIBLE");
        assertThat(as("supervisor", () -> referrals.referral(code))
                        .orElseThrow()
                        .eligible())
                .isFalse();
    }

    @Test
    void illegalMovesAreRefusedWithAClearMessage() {
        var received = as(
                "counsellor1",
                () -> referrals.receive(Referrals.valid(today()), false).code());
        var counsellor1 = testClients.id("counsellor1");
        assertThatThrownBy(() -> as("supervisor", () -> referrals.addToWaitingList(received, 2)))
                .isInstanceOf(IllegalCaseTransition.class)
                .hasMessage("Client " + received
                        + " is received and cannot be moved to waiting. From here it can go to: " + "triaged, closed.");
        assertThatThrownBy(
                        () -> as("supervisor", () -> referrals.assign(received, counsellor1, "Straight away please")))
                .isInstanceOf(IllegalCaseTransition.class);
        as("supervisor", () -> referrals.triage(received, true, "Adult, within remit."));
        assertThatThrownBy(() -> as("supervisor", () -> referrals.triage(received, true, "Adult, within remit.")))
                .isInstanceOf(IllegalCaseTransition.class);
        assertThatThrownBy(() -> as("supervisor", () -> referrals.assign(received, counsellor1, "Not yet waiting")))
                .isInstanceOf(IllegalCaseTransition.class);
        as(
                "supervisor",
                () -> referrals.close(received, ClosureReason.MOVED_AWAY, "Moved to Scotland before first contact."));
        assertThatThrownBy(() -> as(
                        "supervisor", () -> referrals.close(received, ClosureReason.OTHER, "Closing it twice over.")))
                .isInstanceOf(IllegalCaseTransition.class)
                .hasMessageContaining("is closed and cannot be closed");
        assertThatThrownBy(() -> as("supervisor", () -> referrals.addToWaitingList(received, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needToKnowHoldsForEveryRoleEvenByDirectCode() {
        var othersClient = testClients.activeWith("counsellor2");
        var southClient = testClients.activeWith("counsellor3");
        var southWaiting = testClients.waiting("counsellor3");
        // Another counsellor's client, and another team's client, by code.
        assertThatThrownBy(() -> as("counsellor1", () -> referrals.referral(othersClient.code())))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> as(
                        "counsellor1",
                        () -> referrals.close(othersClient.code(), ClosureReason.OTHER, "Not my client at all.")))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> as(
                        "supervisor",
                        () -> referrals.close(southClient.code(), ClosureReason.OTHER, "Not my team's client.")))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> as("supervisor", () -> referrals.assignmentOptions(southWaiting.code())))
                .isInstanceOf(ClientAccessDenied.class);
        assertThat(as("supervisor", () -> referrals.waitingList()))
                .extracting(QueueRow::code)
                .doesNotContain(southWaiting.code());
        assertThat(as("supervisor2", () -> referrals.waitingList()))
                .extracting(QueueRow::code)
                .contains(southWaiting.code());
        // The assigned counsellor may not triage or assign: that is the supervisor's.
        assertThatThrownBy(() -> as("counsellor2", () -> referrals.assignmentOptions(othersClient.code())))
                .isInstanceOf(AccessDeniedException.class);
        // The refusal by code is audited.
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where client_ref = ? and outcome <> 'SUCCESS'",
                        Long.class,
                        othersClient.code()))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void anExcludedCounsellorIsNeverOfferedNeverAssignedAndNeverGetsIn() {
        var client = testClients.waiting("counsellor1");
        var counsellor2 = testClients.id("counsellor2");
        assertThat(as("supervisor", () -> referrals.exclusionOptions(client.code())))
                .extracting(s -> s.id())
                .contains(counsellor2);
        assertThatThrownBy(() -> as("supervisor", () -> referrals.exclude(client.code(), counsellor2, "")))
                .isInstanceOf(IllegalArgumentException.class);
        as("supervisor", () -> referrals.exclude(client.code(), counsellor2, "Knows the family (fictional)."));
        assertThat(as("supervisor", () -> referrals.assignmentOptions(client.code())))
                .extracting(CounsellorOption::id)
                .doesNotContain(counsellor2)
                .contains(testClients.id("counsellor1"));
        assertThatThrownBy(
                        () -> as("supervisor", () -> referrals.assign(client.code(), counsellor2, "Try anyway please")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("excluded");
        as("supervisor", () -> referrals.assign(client.code(), testClients.id("counsellor1"), "Not the excluded one."));
        assertThatThrownBy(() -> as("counsellor2", () -> clients.open(client.code())))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    void assignmentOptionsShowEachCounsellorsCaseloadAndArea() {
        var client = testClients.waiting("counsellor1");
        as("supervisor", () -> referrals.setPostcodeArea(testClients.id("counsellor1"), "ls"));
        var options = as("supervisor", () -> referrals.assignmentOptions(client.code()));
        var casey = options.stream()
                .filter(o -> o.name().startsWith("Casey"))
                .findFirst()
                .orElseThrow();
        assertThat(casey.postcodeArea()).isEqualTo("LS");
        assertThat(casey.openCases())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from client where counsellor_id = ? and status <> 'CLOSED'",
                        Long.class,
                        testClients.id("counsellor1")));
        assertThatThrownBy(() -> as("supervisor2", () -> referrals.setPostcodeArea(testClients.id("counsellor1"), "M")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdministratorIsDeniedByEveryPublicMethod() {
        var code = testClients.waiting("counsellor1").code();
        var valid = Referrals.valid(today());
        as("admin", () -> {
            assertDenied(() -> referrals.possibleDuplicates(valid));
            assertDenied(() -> referrals.receive(valid, true));
            assertDenied(() -> referrals.referral(code));
            assertDenied(() -> referrals.triage(code, true, "Adult, within remit."));
            assertDenied(() -> referrals.addToWaitingList(code, 1));
            assertDenied(() -> referrals.waitingList());
            assertDenied(() -> referrals.toTriage());
            assertDenied(() -> referrals.assignedNotSeen());
            assertDenied(() -> referrals.assignmentOptions(code));
            assertDenied(() -> referrals.assign(code, 1L, "Because I can."));
            assertDenied(() -> referrals.exclusionOptions(code));
            assertDenied(() -> referrals.exclude(code, 1L, "Because I can."));
            assertDenied(() -> referrals.close(code, ClosureReason.OTHER, "Because I can, really."));
            assertDenied(() -> referrals.flaggedChildAtRisk());
            assertDenied(() -> referrals.setPostcodeArea(1L, "LS"));
            return null;
        });
    }

    private static void assertDenied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
    }

    private String status(String code) {
        return jdbc.queryForObject("select status from client where code = ?", String.class, code);
    }

    private long lastAudit(String code, String action) {
        return jdbc.queryForObject(
                "select count(*) from audit_entry where client_ref = ? and action = ?", Long.class, code, action);
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T as(String username, java.util.function.Supplier<T> work) {
        return runAs.as(username, work);
    }

    private void as(String username, Runnable work) {
        runAs.as(username, work);
    }
}
