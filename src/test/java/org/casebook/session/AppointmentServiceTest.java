package org.casebook.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.casebook.MutableClock;
import org.casebook.client.AppointmentFacts;
import org.casebook.client.CaseStatus;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.TestClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import(MutableClock.Config.class)
class AppointmentServiceTest {

    @Autowired
    AppointmentService appointments;

    @Autowired
    ClientService clientService;

    @Autowired
    AppointmentFacts facts;

    @Autowired
    TestClients testClients;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private final ZoneId zone = ZoneId.of("Europe/London");

    // Evening hours: the demo seeder books only between 9:00 and 17:00, so these never clash with its sessions.
    private LocalDateTime inDays(int days, int hour) {
        return LocalDateTime.now(clock.withZone(zone))
                .plusDays(days)
                .withHour(hour)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
    }

    @Test
    @WithUserDetails("counsellor1")
    void bookingAnInPersonSessionKeepsItsPlaceSealedAndShowsOnTheCaseload() {
        var client = testClients.assignedTo("counsellor1");
        var row = appointments.book(
                client.code(),
                new NewAppointment(inDays(3, 18), 50, Modality.IN_PERSON, "Room 2, Leeds centre"),
                false);
        assertThat(row.minutes()).isEqualTo(50);
        assertThat(appointments.ofClient(client.code()))
                .extracting(AppointmentRow::location)
                .containsExactly("Room 2, Leeds centre");
        var stored = jdbc.queryForObject("select location from appointment where id = ?", byte[].class, row.id());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Leeds");
        assertThat(facts.nextAppointments(Set.of(client.id()))).containsEntry(client.id(), row.startsAt());
        assertThat(clientService
                        .caseload(client.code(), false, org.springframework.data.domain.Pageable.ofSize(10))
                        .getContent()
                        .getFirst()
                        .nextAppointment())
                .isEqualTo(row.startsAt());
        assertThat(appointments.myUpcoming(100)).extracting(AppointmentRow::id).contains(row.id());
    }

    @Test
    @WithUserDetails("counsellor1")
    void bookingChecksItsInputs() {
        var client = testClients.assignedTo("counsellor1");
        assertThatThrownBy(() ->
                        appointments.book(client.code(), new NewAppointment(null, 50, Modality.VIDEO, null), false))
                .hasMessage(AppointmentService.START_NEEDED);
        assertThatThrownBy(() -> appointments.book(
                        client.code(), new NewAppointment(inDays(1, 9), 5, Modality.VIDEO, null), false))
                .hasMessage(AppointmentService.DURATION_RANGE);
        assertThatThrownBy(
                        () -> appointments.book(client.code(), new NewAppointment(inDays(1, 9), 50, null, null), false))
                .hasMessage(AppointmentService.MODALITY_NEEDED);
        assertThatThrownBy(() -> appointments.book(
                        client.code(), new NewAppointment(inDays(1, 9), 50, Modality.IN_PERSON, " "), false))
                .hasMessage(AppointmentService.LOCATION_NEEDED);
        var waiting = testClients.waiting("counsellor1");
        assertThatThrownBy(() -> appointments.book(
                        waiting.code(), new NewAppointment(inDays(1, 9), 50, Modality.VIDEO, null), false))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void anOverlapIsPointedOutAndBookedOnlyWhenConfirmed() {
        var first = testClients.assignedTo("counsellor1");
        var second = testClients.assignedTo("counsellor1");
        appointments.book(first.code(), new NewAppointment(inDays(5, 18), 60, Modality.VIDEO, null), false);
        var clash = new NewAppointment(inDays(5, 18).plusMinutes(30), 50, Modality.PHONE, null);
        assertThatThrownBy(() -> appointments.book(second.code(), clash, false))
                .isInstanceOfSatisfying(
                        OverlapNeedsConfirmation.class,
                        e -> assertThat(e.clashes())
                                .extracting(AppointmentRow::clientCode)
                                .containsExactly(first.code()));
        assertThat(appointments.ofClient(second.code())).isEmpty();
        appointments.book(second.code(), clash, true);
        assertThat(appointments.ofClient(second.code())).hasSize(1);
        // Back to back is not an overlap.
        appointments.book(
                second.code(), new NewAppointment(inDays(5, 19).plusMinutes(20), 50, Modality.PHONE, null), false);
    }

    @Test
    @WithUserDetails("counsellor1")
    void theFirstAttendedSessionMakesTheCaseActive() {
        var client = testClients.assignedTo("counsellor1");
        var past =
                appointments.book(client.code(), new NewAppointment(inDays(-2, 18), 50, Modality.VIDEO, null), false);
        var future =
                appointments.book(client.code(), new NewAppointment(inDays(2, 18), 50, Modality.VIDEO, null), false);
        assertThatThrownBy(() -> appointments.recordOutcome(future.id(), Attendance.ATTENDED))
                .hasMessage(AppointmentService.NOT_YET);
        var recorded = appointments.recordOutcome(past.id(), Attendance.ATTENDED);
        assertThat(recorded.firstSession()).isTrue();
        assertThat(clientService.open(client.code()).status()).isEqualTo(CaseStatus.ACTIVE);
        // Cancelling ahead is fine, and the next attended session is not a first.
        assertThat(appointments
                        .recordOutcome(future.id(), Attendance.CANCELLED_BY_CLIENT)
                        .firstSession())
                .isFalse();
        assertThat(facts.nextAppointments(List.of(client.id()))).doesNotContainKey(client.id());
    }

    @Autowired
    org.casebook.client.ClientRecords records;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    @WithUserDetails("counsellor1")
    void aClientReassignedElsewhereDropsOutOfTheFormerCounsellorsList() {
        var client = testClients.activeWith("counsellor1");
        var row = appointments.book(client.code(), new NewAppointment(inDays(12, 9), 50, Modality.PHONE, null), true);
        assertThat(appointments.myUpcoming(100)).extracting(AppointmentRow::id).contains(row.id());
        var robin = testClients.id("counsellor2");
        transaction.executeWithoutResult(tx -> records.assign(client.id(), robin, null, "test: counsellor on leave"));
        assertThat(appointments.myUpcoming(100)).extracting(AppointmentRow::id).doesNotContain(row.id());
    }

    @Test
    @WithUserDetails("counsellor2")
    void anotherCounsellorCannotSeeOrBookOrRecord() {
        var client = testClients.activeWith("counsellor1");
        assertThatThrownBy(() -> appointments.ofClient(client.code())).isInstanceOf(ClientAccessDenied.class);
        assertThatThrownBy(() -> appointments.book(
                        client.code(), new NewAppointment(inDays(1, 9), 50, Modality.VIDEO, null), true))
                .isInstanceOf(ClientAccessDenied.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorIsDeniedEveryMethod() {
        assertThatThrownBy(() -> appointments.book("ABC-DEF", new NewAppointment(null, 50, Modality.VIDEO, null), true))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> appointments.ofClient("ABC-DEF")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> appointments.myUpcoming(5)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> appointments.recordOutcome(UUID.randomUUID(), Attendance.ATTENDED))
                .isInstanceOf(AuthorizationDeniedException.class);
    }
}
