package org.casebook.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to staff and teams. */
@Service
@Transactional(readOnly = true)
public class StaffService {

    private final StaffAccountRepository accounts;
    private final CurrentUser currentUser;

    StaffService(StaffAccountRepository accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    /** The counsellors in the team the signed-in supervisor leads. */
    @RolesAllowed(Roles.SUPERVISOR)
    public List<StaffMember> myTeam() {
        var supervisorId = currentUser.require().accountId();
        return accounts.findTeamMembersOf(supervisorId).stream()
                .map(a -> new StaffMember(a.id(), a.displayName(), a.roles()))
                .toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public AccountOverview accountOverview() {
        return new AccountOverview(
                accounts.countByEnabledTrue(),
                accounts.countActiveWithRole(Role.COUNSELLOR),
                accounts.countActiveWithRole(Role.SUPERVISOR),
                accounts.countActiveWithRole(Role.ADMIN));
    }
}
