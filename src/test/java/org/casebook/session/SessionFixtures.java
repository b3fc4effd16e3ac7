package org.casebook.session;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.casebook.client.CreatedClient;
import org.casebook.client.TestClients;
import org.casebook.security.RunAsStaff;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Sessions for tests, made through the real services as the client's counsellor. */
@Component
@Profile("test & demo")
public class SessionFixtures {

    private final TestClients clients;
    private final AppointmentService appointments;
    private final SessionNoteService notes;
    private final RunAsStaff runAs;
    private final Clock clock;
    private final ZoneId zone;

    SessionFixtures(
            TestClients clients,
            AppointmentService appointments,
            SessionNoteService notes,
            RunAsStaff runAs,
            Clock clock,
            @Value("${casebook.time-zone}") ZoneId zone) {
        this.clients = clients;
        this.appointments = appointments;
        this.notes = notes;
        this.runAs = runAs;
        this.clock = clock;
        this.zone = zone;
    }

    /** A client of this counsellor and a session with them an hour ago (outcome not yet recorded). */
    public Session pastSession(String counsellor) {
        var client = clients.activeWith(counsellor);
        return new Session(
                client,
                booked(
                        counsellor,
                        client.code(),
                        LocalDateTime.now(clock.withZone(zone)).minusHours(1)));
    }

    /** As {@link #pastSession}, attended. */
    public Session attended(String counsellor) {
        var session = pastSession(counsellor);
        runAs.as(counsellor, () -> appointments.recordOutcome(session.appointment(), Attendance.ATTENDED));
        return session;
    }

    /** As {@link #attended}, with a saved draft. */
    public Session drafted(String counsellor, String presentation) {
        var session = attended(counsellor);
        runAs.as(
                counsellor,
                () -> notes.saveDraft(
                        session.appointment(), null, new NoteText(presentation, null, null, null, null, null, null)));
        return session;
    }

    /** As {@link #drafted}, signed. */
    public Session signed(String counsellor, String presentation) {
        var session = drafted(counsellor, presentation);
        runAs.as(
                counsellor,
                () -> notes.sign(
                        session.appointment(),
                        java.util.Objects.requireNonNull(
                                notes.open(session.appointment()).version())));
        return session;
    }

    /** Records that the client attended this appointment. */
    public void recordAttended(String counsellor, UUID appointment) {
        runAs.as(counsellor, () -> appointments.recordOutcome(appointment, Attendance.ATTENDED));
    }

    public UUID booked(String counsellor, String code, LocalDateTime start) {
        return runAs.as(
                counsellor,
                () -> appointments
                        .book(code, new NewAppointment(start, 50, Modality.VIDEO, null), true)
                        .id());
    }

    public record Session(CreatedClient client, UUID appointment) {

        public String code() {
            return client.code();
        }
    }
}
