package org.casebook.session;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.ClientAccess;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Session notes: drafts saved as the counsellor types, signing (after which the note is locked), addenda,
 * and co-signing by the team's supervisor. Every view and change is audited; no clinical text ever is.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class SessionNoteService {

    public static final String AUTHOR_ONLY = "Only the counsellor who held the session writes and signs its note.";
    public static final String ATTENDED_ONLY = "A note is written for a session the client attended.";
    public static final String NOTHING_TO_SIGN = "Write at least one section before signing.";
    public static final String ADDENDUM_NEEDED = "Write the addendum before signing it.";
    public static final String COMMENT_NEEDED = "Add a comment with your co-signature.";
    public static final String SIGN_FIRST = "Addenda are added to a signed note; until then, edit the draft.";
    public static final String SUPERVISOR_ONLY = "Only the supervisor of the counsellor's team co-signs a note.";
    /** The most overdue notes a home page lists at once, oldest first (sign those, and the next appear). */
    public static final int OVERDUE_LIST = 50;

    private final AppointmentRepository appointments;
    private final SessionNoteRepository notes;
    private final NoteAddendumRepository addenda;
    private final SessionAccess access;
    private final StaffDirectory staff;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final Clock clock;

    SessionNoteService(
            AppointmentRepository appointments,
            SessionNoteRepository notes,
            NoteAddendumRepository addenda,
            SessionAccess access,
            StaffDirectory staff,
            FieldEncryption encryption,
            AuditLog audit,
            Clock clock) {
        this.appointments = appointments;
        this.notes = notes;
        this.addenda = addenda;
        this.access = access;
        this.staff = staff;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The note of the session whose id is given as text (from an address): a malformed id is refused and
     * audited like an unknown one.
     */
    public NoteDetails open(String appointmentId) {
        UUID id;
        try {
            id = UUID.fromString(appointmentId);
        } catch (IllegalArgumentException malformed) {
            throw access.refuseMissing("session-note", appointmentId);
        }
        return open(id);
    }

    /** The note of an attended session (empty sections if none is written yet). Audited as a view. */
    public NoteDetails open(UUID appointmentId) {
        var appointment = appointment(appointmentId);
        var client = access.read(appointment, "session-note");
        var note = notes.findByAppointmentId(appointmentId).orElse(null);
        audit.record(AuditEvent.of(AuditAction.VIEW, "session-note", recordId(appointment, note))
                .forClient(client.code())
                .because(client.isBreakGlass() ? "break-glass" : null));
        return details(appointment, note, client);
    }

    /**
     * Saves the draft as typed. {@code expectedVersion} is the version the person opened ({@code null} if
     * there was no note yet); if someone has saved since, nothing is saved and {@link NoteConflict} is thrown.
     */
    public SavedDraft saveDraft(UUID appointmentId, @Nullable Long expectedVersion, NoteText text) {
        var appointment = appointment(appointmentId);
        var client = access.change(appointment, "session-note");
        requireAuthor(appointment);
        validate(text);
        var existing = notes.findByAppointmentId(appointmentId);
        var now = clock.instant();
        SessionNote note;
        boolean created = existing.isEmpty();
        if (created) {
            if (expectedVersion != null) {
                throw new NoteConflict();
            }
            note = new SessionNote(
                    UUID.randomUUID(),
                    appointmentId,
                    appointment.clientId(),
                    appointment.clientCode(),
                    access.user().accountId(),
                    now);
        } else {
            note = existing.get();
            if (note.isSigned()) {
                throw new NoteLocked(NoteLocked.SIGNED);
            }
            if (expectedVersion == null || expectedVersion != note.version()) {
                throw new NoteConflict();
            }
        }
        var id = note.id();
        note.write(
                encryption.sealTextAsTyped(text.presentation(), SessionColumns.PRESENTATION, id),
                encryption.sealTextAsTyped(text.themes(), SessionColumns.THEMES, id),
                encryption.sealTextAsTyped(text.riskObservations(), SessionColumns.RISK_OBSERVATIONS, id),
                encryption.sealTextAsTyped(text.interventions(), SessionColumns.INTERVENTIONS, id),
                encryption.sealTextAsTyped(text.agreedActions(), SessionColumns.AGREED_ACTIONS, id),
                encryption.sealTextAsTyped(text.nextPlan(), SessionColumns.NEXT_PLAN, id),
                text.riskChanged(),
                now);
        try {
            note = notes.saveAndFlush(note);
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException concurrent) {
            // Two saves crossed in flight: the other one won.
            throw new NoteConflict();
        }
        audit.record(AuditEvent.of(created ? AuditAction.CREATE : AuditAction.UPDATE, "session-note", id.toString())
                .forClient(client.code())
                .because("draft"));
        return new SavedDraft(id, note.version(), now);
    }

    /** The author signs the note as last saved; from now on it is locked. */
    public NoteDetails sign(UUID appointmentId, long expectedVersion) {
        var appointment = appointment(appointmentId);
        var client = access.change(appointment, "session-note");
        requireAuthor(appointment);
        var note =
                notes.findByAppointmentId(appointmentId).orElseThrow(() -> new IllegalStateException(NOTHING_TO_SIGN));
        if (note.isSigned()) {
            throw new NoteLocked(NoteLocked.SIGNED);
        }
        if (expectedVersion != note.version()) {
            throw new NoteConflict();
        }
        if (isEmpty(note)) {
            throw new IllegalStateException(NOTHING_TO_SIGN);
        }
        note.sign(clock.instant());
        try {
            notes.saveAndFlush(note);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new NoteConflict();
        }
        audit.record(AuditEvent.of(AuditAction.SIGN, "session-note", note.id().toString())
                .forClient(client.code()));
        return details(appointment, note, client);
    }

    /** Adds a signed, dated addendum under a signed note (its author or their team's supervisor). */
    public NoteDetails addAddendum(UUID appointmentId, String text) {
        var appointment = appointment(appointmentId);
        var client = access.change(appointment, "session-note");
        var note = notes.findByAppointmentId(appointmentId).orElseThrow(() -> new IllegalStateException(SIGN_FIRST));
        if (!note.isSigned()) {
            throw new IllegalStateException(SIGN_FIRST);
        }
        if (!mayAddAddendum(note, client)) {
            throw new AccessDeniedException("Only the note's author or their team's supervisor adds to it.");
        }
        Text.required("addendum", text, NoteText.MAX_SECTION, ADDENDUM_NEEDED);
        var id = UUID.randomUUID();
        addenda.save(new NoteAddendum(
                id,
                note.id(),
                access.user().accountId(),
                Objects.requireNonNull(encryption.sealTextAsTyped(text, SessionColumns.ADDENDUM, id)),
                clock.instant()));
        audit.record(
                AuditEvent.of(AuditAction.ADDENDUM, "session-note", note.id().toString())
                        .forClient(client.code()));
        return details(appointment, note, client);
    }

    /** The supervisor of the author's team reviews and co-signs a signed note, with a comment. */
    public NoteDetails coSign(UUID appointmentId, String comment) {
        var appointment = appointment(appointmentId);
        var client = access.change(appointment, "session-note");
        var note = notes.findByAppointmentId(appointmentId)
                .orElseThrow(() -> new NoteLocked("The author signs a note before a supervisor co-signs it."));
        if (!access.isTeamSupervisor(client) || note.authorId() == access.user().accountId()) {
            throw new AccessDeniedException(SUPERVISOR_ONLY);
        }
        Text.required("comment", comment, NoteText.MAX_SECTION, COMMENT_NEEDED);
        note.coSign(
                access.user().accountId(),
                encryption.sealTextAsTyped(comment, SessionColumns.CO_SIGN_COMMENT, note.id()),
                clock.instant());
        try {
            notes.saveAndFlush(note);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new NoteConflict();
        }
        audit.record(
                AuditEvent.of(AuditAction.CO_SIGN, "session-note", note.id().toString())
                        .forClient(client.code()));
        return details(appointment, note, client);
    }

    /** How many notes the co-sign queue shows at most; the oldest come first. */
    static final int CO_SIGN_QUEUE = 50;

    /**
     * The supervisor's queue: signed notes of the counsellors in the teams they lead that no supervisor has
     * co-signed yet, oldest session first (at most {@value #CO_SIGN_QUEUE}). Audited as a list.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<NoteToCoSign> toCoSign() {
        var counsellors = new HashSet<Long>();
        staff.activeCounsellorsIn(staff.teamsLedBy(access.user().accountId())).forEach(m -> counsellors.add(m.id()));
        counsellors.remove(access.user().accountId());
        if (counsellors.isEmpty()) {
            return List.of();
        }
        var found = appointments.findAwaitingCoSign(counsellors, PageRequest.of(0, CO_SIGN_QUEUE));
        var names = staff.displayNames(counsellors);
        var queue = access.visible(found).stream()
                .map(a -> new NoteToCoSign(
                        a.id(),
                        a.clientCode(),
                        a.startsAt(),
                        names.getOrDefault(a.counsellorId(), "#" + a.counsellorId())))
                .toList();
        access.recordListed(
                "notes-to-co-sign", queue.stream().map(NoteToCoSign::clientCode).toList());
        return queue;
    }

    /** The signed-in person's attended sessions whose note is unsigned 72 hours on, oldest first. */
    public List<OverdueNote> myOverdue() {
        return overdue(Set.of(access.user().accountId()));
    }

    /** The same, for every counsellor in the teams the signed-in supervisor leads. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<OverdueNote> teamOverdue() {
        var teams = staff.teamsLedBy(access.user().accountId());
        var counsellors = new HashSet<Long>();
        staff.activeCounsellorsIn(teams).forEach(m -> counsellors.add(m.id()));
        counsellors.remove(access.user().accountId());
        return counsellors.isEmpty() ? List.of() : overdue(counsellors);
    }

    private List<OverdueNote> overdue(Set<Long> counsellors) {
        var found = appointments.findUnsignedBefore(
                counsellors, clock.instant().minus(AppointmentService.OVERDUE_AFTER), PageRequest.of(0, OVERDUE_LIST));
        var names = staff.displayNames(counsellors);
        var overdue = access.visible(found).stream()
                .map(a -> new OverdueNote(
                        a.id(),
                        a.clientCode(),
                        a.startsAt(),
                        a.counsellorId(),
                        names.getOrDefault(a.counsellorId(), "#" + a.counsellorId())))
                .toList();
        access.recordListed(
                "overdue-notes", overdue.stream().map(OverdueNote::clientCode).toList());
        return overdue;
    }

    private Appointment appointment(UUID appointmentId) {
        return access.appointment(appointments, appointmentId, "session-note");
    }

    private void requireAuthor(Appointment appointment) {
        if (appointment.counsellorId() != access.user().accountId()) {
            throw new AccessDeniedException(AUTHOR_ONLY);
        }
        if (appointment.outcome() != Attendance.ATTENDED) {
            throw new IllegalStateException(ATTENDED_ONLY);
        }
    }

    private boolean mayAddAddendum(SessionNote note, ClientAccess client) {
        return !client.isBreakGlass()
                && (note.authorId() == access.user().accountId() || access.isTeamSupervisor(client));
    }

    private NoteDetails details(Appointment appointment, @Nullable SessionNote note, ClientAccess client) {
        long me = access.user().accountId();
        long authorId = note == null ? appointment.counsellorId() : note.authorId();
        var people = new HashSet<Long>(Set.of(authorId));
        var found = note == null ? List.<NoteAddendum>of() : addenda.findByNoteIdOrderBySignedAtAscIdAsc(note.id());
        found.forEach(a -> people.add(a.authorId()));
        if (note != null && note.coSignedBy() != null) {
            people.add(note.coSignedBy());
        }
        var names = staff.displayNames(people);
        var overdue = appointment.outcome() == Attendance.ATTENDED
                && (note == null || !note.isSigned())
                && appointment.startsAt().plus(AppointmentService.OVERDUE_AFTER).isBefore(clock.instant());
        boolean attended = appointment.outcome() == Attendance.ATTENDED;
        if (note == null) {
            return new NoteDetails(
                    appointment.id(),
                    null,
                    null,
                    appointment.clientCode(),
                    appointment.startsAt(),
                    names.getOrDefault(authorId, "#" + authorId),
                    NoteText.empty(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    attended && !client.isBreakGlass() && appointment.counsellorId() == me,
                    false,
                    false,
                    overdue);
        }
        var id = note.id();
        var text = new NoteText(
                encryption.openText(note.presentation(), SessionColumns.PRESENTATION, id),
                encryption.openText(note.themes(), SessionColumns.THEMES, id),
                encryption.openText(note.riskObservations(), SessionColumns.RISK_OBSERVATIONS, id),
                encryption.openText(note.interventions(), SessionColumns.INTERVENTIONS, id),
                encryption.openText(note.agreedActions(), SessionColumns.AGREED_ACTIONS, id),
                encryption.openText(note.nextPlan(), SessionColumns.NEXT_PLAN, id),
                note.riskChanged());
        var rows = found.stream()
                .map(a -> new AddendumRow(
                        names.getOrDefault(a.authorId(), "#" + a.authorId()),
                        a.signedAt(),
                        Objects.requireNonNullElse(encryption.openText(a.body(), SessionColumns.ADDENDUM, a.id()), "")))
                .toList();
        boolean mayEdit = !note.isSigned() && !client.isBreakGlass() && note.authorId() == me;
        boolean mayCoSign = note.isSigned()
                && note.coSignedAt() == null
                && !client.isBreakGlass()
                && access.isTeamSupervisor(client)
                && note.authorId() != me;
        return new NoteDetails(
                appointment.id(),
                id,
                note.version(),
                appointment.clientCode(),
                appointment.startsAt(),
                names.getOrDefault(authorId, "#" + authorId),
                text,
                note.updatedAt(),
                note.signedAt(),
                note.coSignedBy() == null ? null : names.get(note.coSignedBy()),
                note.coSignedAt(),
                encryption.openText(note.coSignComment(), SessionColumns.CO_SIGN_COMMENT, id),
                rows,
                mayEdit,
                note.isSigned() && mayAddAddendum(note, client),
                mayCoSign,
                overdue);
    }

    private static String recordId(Appointment appointment, @Nullable SessionNote note) {
        return note == null ? "appointment " + appointment.id() : note.id().toString();
    }

    private static void validate(NoteText text) {
        if (text == null) {
            throw new IllegalArgumentException("Nothing to save.");
        }
        var sections = new java.util.LinkedHashMap<String, @Nullable String>();
        sections.put("presentation", text.presentation());
        sections.put("themes", text.themes());
        sections.put("riskObservations", text.riskObservations());
        sections.put("interventions", text.interventions());
        sections.put("agreedActions", text.agreedActions());
        sections.put("nextPlan", text.nextPlan());
        sections.forEach((field, section) -> Text.check(field, section, NoteText.MAX_SECTION));
    }

    private static boolean isEmpty(SessionNote note) {
        return note.presentation() == null
                && note.themes() == null
                && note.riskObservations() == null
                && note.interventions() == null
                && note.agreedActions() == null
                && note.nextPlan() == null;
    }
}
