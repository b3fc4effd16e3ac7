package org.casebook.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.PersonalDetail;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

class DataRequestServiceTest extends DataProtectionTest {

    @Autowired
    DataRequestService requests;

    @Autowired
    RetentionService retention;

    @Autowired
    ClientService clients;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answerIsDueOneCalendarMonthAfterReceiptAndOpenRequestsAreListedSoonestDueFirst() {
        assertThat(DataRequestService.dueDate(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(DataRequestService.dueDate(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 4, 15));
        var client = testClients.activeWith("counsellor1");
        var today = charity.today();
        var later = runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.ERASURE, today));
        var sooner = runAs.as(
                "supervisor", () -> requests.log(client.code(), RequestKind.SUBJECT_ACCESS, today.minusDays(10)));
        var open = runAs.as("supervisor", () -> requests.open()).stream()
                .filter(r -> r.clientCode().equals(client.code()))
                .toList();
        assertThat(open).extracting(DataRequestRow::id).containsExactly(sooner, later);
        assertThat(open.getFirst().dueOn()).isEqualTo(today.minusDays(10).plusMonths(1));
        assertThat(runAs.as("supervisor2", () -> requests.open()))
                .noneMatch(r -> r.clientCode().equals(client.code()));

        assertThatThrownBy(() -> runAs.as("supervisor", () -> requests.log(client.code(), null, today)))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("kind")).isNotBlank());
        assertThatThrownBy(() -> runAs.as(
                        "supervisor", () -> requests.log(client.code(), RequestKind.ERASURE, today.plusDays(1))))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("receivedOn")).isNotBlank());
    }

    @Test
    void rectificationCorrectsTheDetailAndKeepsTheOldValueInTheRecordsHistory() {
        var client = testClients.activeWith("counsellor1");
        var request =
                runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.RECTIFICATION, charity.today()));
        assertThatThrownBy(() -> runAs.as(
                        "supervisor",
                        () -> requests.rectify(request, PersonalDetail.YEAR_OF_BIRTH, "eighty", "Typo at intake")))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("value")).contains("1984"));
        runAs.as(
                "supervisor",
                () -> requests.rectify(
                        request,
                        PersonalDetail.PREFERRED_NAME,
                        "Corrected Name (fictional)",
                        "Spelling corrected at the client's request"));
        runAs.as(
                "supervisor",
                () -> requests.rectify(
                        request, PersonalDetail.EMAIL, "new.address@example.invalid", "Client changed email"));
        runAs.as("supervisor", () -> requests.completeRectification(request));

        var details = runAs.as("counsellor1", () -> clients.open(client.code()));
        assertThat(details.preferredName()).isEqualTo("Corrected Name (fictional)");
        var history = runAs.as("supervisor", () -> requests.rectifications(client.code()));
        assertThat(history)
                .extracting(RectificationRow::detail)
                .containsExactlyInAnyOrder(PersonalDetail.PREFERRED_NAME, PersonalDetail.EMAIL);
        assertThat(history)
                .filteredOn(r -> r.detail() == PersonalDetail.PREFERRED_NAME)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.oldValue()).isEqualTo("Test Person (fictional)");
                    assertThat(r.reason()).isEqualTo("Spelling corrected at the client's request");
                });
        assertThat(history)
                .filteredOn(r -> r.detail() == PersonalDetail.EMAIL)
                .singleElement()
                .extracting(RectificationRow::oldValue)
                .isEqualTo("test.person@example.invalid");
        var done = runAs.as("supervisor", () -> requests.request(request));
        assertThat(done.done()).isTrue();
        assertThat(done.decision()).isEqualTo("CORRECTED");
    }

    @Test
    void erasureRefusedUnderAnExemptionKeepsEverythingAndTheReasonAndErasureGrantedAnonymisesAfterReAuthentication() {
        var client = testClients.activeWith("counsellor1");
        var refused = runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.ERASURE, charity.today()));
        assertThatThrownBy(() -> runAs.as("supervisor", () -> requests.decideErasure(refused, false, "")))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("reason")).isNotBlank());
        runAs.as(
                "supervisor",
                () -> requests.decideErasure(
                        refused, false, "Retention period runs; health records exemption applies"));
        var decided =
                runAs.as("supervisor", () -> requests.forClient(client.code())).getFirst();
        assertThat(decided.decision()).isEqualTo("REFUSED");
        assertThat(decided.decisionReason()).isEqualTo("Retention period runs; health records exemption applies");
        assertThat(runAs.as("counsellor1", () -> clients.open(client.code())).preferredName())
                .isEqualTo("Test Person (fictional)");

        var granted = runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.ERASURE, charity.today()));
        var hold = runAs.as("supervisor", () -> retention.placeHold(client.code(), "Inquiry (fictional)"));
        assertThatThrownBy(() ->
                        runAs.as("supervisor", () -> requests.decideErasure(granted, true, "No exemption applies")))
                .as("without re-authentication")
                .isInstanceOf(AccessDeniedException.class);
        reAuthenticated("supervisor");
        assertThatThrownBy(() ->
                        runAs.as("supervisor", () -> requests.decideErasure(granted, true, "No exemption applies")))
                .as("under a legal hold")
                .isInstanceOf(InvalidFields.class);
        runAs.as("supervisor", () -> retention.releaseHold(hold, "Inquiry closed (fictional)"));
        reAuthenticated("supervisor");
        runAs.as("supervisor", () -> requests.decideErasure(granted, true, "No exemption applies"));

        assertThat(jdbc.queryForObject(
                        "select anonymised_on from client where code = ?", LocalDate.class, client.code()))
                .isNotNull();
        assertThatThrownBy(() -> runAs.as("counsellor1", () -> clients.open(client.code())))
                .isInstanceOf(ClientAccessDenied.class);
        assertThat(jdbc.queryForObject("select decision from data_request where id = ?", String.class, granted))
                .isEqualTo("ERASED");
        assertThat(jdbc.queryForObject("select decision_reason from data_request where id = ?", byte[].class, granted))
                .as("the decision's reason is kept")
                .isNotEmpty();
    }

    @Autowired
    SubjectAccessService subjectAccess;

    @Test
    void hostileInputIsRefusedWithAMessageAtItsFieldAndNothingIsStored() {
        var client = testClients.activeWith("counsellor1");
        var huge = "x".repeat(5_000_000);
        var invisible = "\u200B \u200B";
        for (var date : List.of(
                LocalDate.of(1, 1, 1),
                LocalDate.MIN,
                LocalDate.MAX,
                charity.today().plusYears(100))) {
            assertThatThrownBy(
                            () -> runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.ERASURE, date)))
                    .isInstanceOfSatisfying(
                            InvalidFields.class,
                            e -> assertThat(e.messageFor("receivedOn")).isNotBlank());
        }
        for (var reason : List.of(huge, invisible)) {
            assertThatThrownBy(() -> runAs.as("supervisor", () -> retention.placeHold(client.code(), reason)))
                    .isInstanceOfSatisfying(
                            InvalidFields.class,
                            e -> assertThat(e.messageFor("reason")).isNotBlank());
        }
        var erasure = runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.ERASURE, charity.today()));
        var rectification =
                runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.RECTIFICATION, charity.today()));
        var access =
                runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.SUBJECT_ACCESS, charity.today()));
        for (var reason : List.of(huge, invisible)) {
            assertThatThrownBy(() -> runAs.as("supervisor", () -> requests.decideErasure(erasure, false, reason)))
                    .isInstanceOfSatisfying(
                            InvalidFields.class,
                            e -> assertThat(e.messageFor("reason")).isNotBlank());
            assertThatThrownBy(() ->
                            runAs.as("supervisor", () -> subjectAccess.withhold(access, "client/name", null, reason)))
                    .isInstanceOfSatisfying(
                            InvalidFields.class,
                            e -> assertThat(e.messageFor("reason")).isNotBlank());
        }
        assertThatThrownBy(() -> runAs.as(
                        "supervisor", () -> subjectAccess.withhold(access, "client/name", huge, "Third party")))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("passage")).isNotBlank());
        assertThatThrownBy(() -> runAs.as(
                        "supervisor",
                        () -> requests.rectify(rectification, PersonalDetail.PREFERRED_NAME, huge, "Typo")))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("value")).isNotBlank());
        assertThatThrownBy(() -> runAs.as(
                        "supervisor",
                        () -> requests.rectify(rectification, PersonalDetail.PREFERRED_NAME, invisible, "Typo")))
                .isInstanceOfSatisfying(
                        InvalidFields.class,
                        e -> assertThat(e.messageFor("value")).isNotBlank());
        assertThat(jdbc.queryForObject(
                        "select count(*) from legal_hold h join client c on c.id = h.client_id " + "where c.code = ?",
                        Long.class,
                        client.code()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from rectification r join client c on c.id = r.client_id "
                                + "where c.code = ?",
                        Long.class,
                        client.code()))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from sar_choice where request_id = ?", Long.class, access))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from data_request where client_code = ? and status = 'DONE'",
                        Long.class,
                        client.code()))
                .isZero();
    }

    @Test
    void onlyTheSupervisorOfTheClientsTeamLogsAndDecidesRequests() {
        var client = testClients.activeWith("counsellor1");
        var request = runAs.as("supervisor", () -> requests.log(client.code(), RequestKind.ERASURE, charity.today()));
        assertThatThrownBy(() -> runAs.as(
                        "supervisor2", () -> requests.log(client.code(), RequestKind.ERASURE, charity.today())))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> runAs.as("supervisor2", () -> requests.decideErasure(request, false, "Exempt")))
                .isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> runAs.as("supervisor2", () -> requests.request(UUID.randomUUID())))
                .isInstanceOf(ClientAccessDenied.class);
        for (var user : List.of("counsellor1", "admin")) {
            List<Runnable> calls = List.of(
                    () -> requests.log(client.code(), RequestKind.ERASURE, charity.today()),
                    () -> requests.open(),
                    () -> requests.forClient(client.code()),
                    () -> requests.request(request),
                    () -> requests.decideErasure(request, false, "Exempt"),
                    () -> requests.rectify(request, PersonalDetail.PHONE, "07700 900001", "Changed"),
                    () -> requests.completeRectification(request),
                    () -> requests.rectifications(client.code()));
            calls.forEach(
                    call -> assertThatThrownBy(() -> runAs.as(user, call)).isInstanceOf(AccessDeniedException.class));
        }
    }
}
