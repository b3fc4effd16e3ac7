package org.casebook.session;

import java.util.List;
import org.casebook.client.AccessBasis;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientId;
import org.casebook.security.CurrentUser;
import org.casebook.security.Role;
import org.casebook.security.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the session services add to need-to-know: reading follows {@link CaseAccessPolicy} alone; changing
 * a client's sessions is for the people who work with the client (their counsellor, their team's
 * supervisor), not for someone who opened the record by break-glass to read it in an emergency.
 */
@Component
class SessionAccess {

    static final String READ_ONLY = "You opened this client by break-glass: you may read, but not change, their sessions.";

    private final CaseAccessPolicy policy;
    private final CurrentUser currentUser;

    SessionAccess(CaseAccessPolicy policy, CurrentUser currentUser) {
        this.policy = policy;
        this.currentUser = currentUser;
    }

    ClientAccess read(String code) {
        return policy.require(code);
    }

    ClientAccess read(ClientId id) {
        return policy.require(id);
    }

    ClientAccess change(ClientId id) {
        return requireChange(policy.require(id));
    }

    ClientAccess change(String code) {
        return requireChange(policy.require(code));
    }

    /** The appointments whose clients need-to-know lets the signed-in person see now; for lists, not recorded. */
    List<Appointment> visible(List<Appointment> appointments) {
        var allowed = policy.allowedAmong(appointments.stream().map(a -> new ClientId(a.clientId())).toList());
        return appointments.stream().filter(a -> allowed.contains(new ClientId(a.clientId()))).toList();
    }

    StaffUser user() {
        return currentUser.require();
    }

    boolean isTeamSupervisor(ClientAccess access) {
        return access.basis() == AccessBasis.TEAM && user().hasRole(Role.SUPERVISOR);
    }

    private static ClientAccess requireChange(ClientAccess access) {
        if (access.isBreakGlass()) {
            throw new AccessDeniedException(READ_ONLY);
        }
        return access;
    }

}
