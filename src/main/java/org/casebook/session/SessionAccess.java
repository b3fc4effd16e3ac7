package org.casebook.session;

import java.util.List;
import java.util.UUID;
import org.casebook.client.AccessBasis;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientId;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.StaffUser;
import org.springframework.stereotype.Component;

/**
 * The session services' way to {@link CaseAccessPolicy}: reading follows need-to-know; changing a client's
 * sessions follows the policy's one rule for changes (never under break-glass).
 */
@Component
class SessionAccess {

    private final CaseAccessPolicy policy;
    private final CurrentUser currentUser;

    SessionAccess(CaseAccessPolicy policy, CurrentUser currentUser) {
        this.policy = policy;
        this.currentUser = currentUser;
    }

    ClientAccess read(String code) {
        return policy.require(code);
    }

    /** An audited read, at once or as part of a client page's one entry ({@link CaseAccessPolicy#recordView}). */
    void recordView(ClientAccess client, org.casebook.audit.AuditEvent event) {
        policy.recordView(client, event);
    }

    /** Reading a record reached by its appointment's id: refused exactly as an id that names nothing. */
    ClientAccess read(Appointment appointment, String recordType) {
        return policy.require(
                new ClientId(appointment.clientId()),
                recordType,
                appointment.id().toString());
    }

    /** Break-glass never allows a change: {@link CaseAccessPolicy#requireChange} decides, for every module. */
    ClientAccess change(Appointment appointment, String recordType) {
        return policy.requireChange(
                new ClientId(appointment.clientId()),
                recordType,
                appointment.id().toString());
    }

    ClientAccess change(String code, String recordType) {
        return policy.requireChange(code, recordType);
    }

    /** The appointment with this id, or the same refusal (audited) as for another team's appointment. */
    Appointment appointment(AppointmentRepository appointments, UUID id, String recordType) {
        return appointments
                .findById(java.util.Objects.requireNonNull(id, "id"))
                .orElseThrow(() -> policy.refuseMissing(recordType, id.toString()));
    }

    /** The refusal for an id that names no appointment, worded and audited as a refusal by need-to-know. */
    RuntimeException refuseMissing(String recordType, String recordId) {
        return policy.refuseMissing(recordType, recordId);
    }

    /** The appointments whose clients need-to-know lets the signed-in person see now; for lists, not recorded. */
    List<Appointment> visible(List<Appointment> appointments) {
        var allowed = policy.allowedAmong(
                appointments.stream().map(a -> new ClientId(a.clientId())).toList());
        return appointments.stream()
                .filter(a -> allowed.contains(new ClientId(a.clientId())))
                .toList();
    }

    /** One audit entry for a view of a list, naming the client codes shown (not in a read-only transaction). */
    void recordListed(String listName, java.util.Collection<String> codes) {
        policy.recordListed(listName, codes);
    }

    StaffUser user() {
        return currentUser.require();
    }

    boolean isTeamSupervisor(ClientAccess access) {
        return access.basis() == AccessBasis.TEAM && user().hasRole(Role.SUPERVISOR);
    }
}
