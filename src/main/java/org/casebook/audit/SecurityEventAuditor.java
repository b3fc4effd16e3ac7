package org.casebook.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import org.casebook.security.AccountAdministered;
import org.casebook.security.AccountChangeDenied;
import org.casebook.security.AccountCreationRefused;
import org.casebook.security.AccountLocked;
import org.casebook.security.AccountUnlocked;
import org.casebook.security.NavigationDenied;
import org.casebook.security.PasswordChanged;
import org.casebook.security.ReAuthenticated;
import org.casebook.security.SecondFactorAccepted;
import org.casebook.security.SecondFactorFailed;
import org.casebook.security.SessionEnd;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffUser;
import org.casebook.security.TeamAdministered;
import org.casebook.security.TeamSupervisorChanged;
import org.casebook.security.TwoFactorEnrolled;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins, failed sign-ins, sign-outs, expired sessions and refused access, from Spring
 * Security's events and the security module's own. Runs synchronously in the publisher's thread.
 */
@Component
class SecurityEventAuditor {

    private static final String ACCOUNT = "staff-account";

    private final AuditLog auditLog;
    private final StaffDirectory directory;

    SecurityEventAuditor(AuditLog auditLog, StaffDirectory directory) {
        this.auditLog = auditLog;
        this.directory = directory;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        recordOwnAccountEvent(event.getAuthentication(), AuditAction.SIGN_IN_SUCCESS);
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        // The typed username is kept only when it names an account: people sometimes type their
        // password into the username field, and that must never be written down.
        var account = directory.findByUsername(event.getAuthentication().getName());
        var actor = account.map(SecurityEventAuditor::actor).orElse(AuditLog.Actor.NOBODY);
        String reason;
        if (account.isEmpty()) {
            reason = "unknown username";
        } else if (event.getException() instanceof AccountStatusException status) {
            reason = "account "
                    + status.getClass().getSimpleName().replace("Exception", "").toLowerCase();
        } else {
            reason = "wrong password";
        }
        auditLog.recordAs(
                actor,
                AuditEvent.of(
                                AuditAction.SIGN_IN_FAILURE,
                                ACCOUNT,
                                account.map(a -> String.valueOf(a.id())).orElse(null))
                        .withOutcome(AuditOutcome.FAILURE)
                        .because(reason));
    }

    @EventListener
    void accountLocked(AccountLocked event) {
        var actor = actorFor(event.username());
        auditLog.recordAs(
                actor,
                AuditEvent.of(AuditAction.ACCOUNT_LOCKED, ACCOUNT, String.valueOf(event.accountId()))
                        .because("too many failed sign-ins"));
    }

    /** The administrator who unlocked is the signed-in person. */
    @EventListener
    void accountUnlocked(AccountUnlocked event) {
        auditLog.record(AuditEvent.of(AuditAction.ACCOUNT_UNLOCKED, ACCOUNT, String.valueOf(event.accountId())));
    }

    /** The administrator who made the change is the signed-in person. */
    @EventListener
    void accountAdministered(AccountAdministered event) {
        var action = switch (event.change()) {
            case CREATED -> AuditAction.ACCOUNT_CREATED;
            case ROLES_CHANGED -> AuditAction.ROLES_CHANGED;
            case TEAM_CHANGED -> AuditAction.TEAM_CHANGED;
            case DEACTIVATED -> AuditAction.ACCOUNT_DEACTIVATED;
            case REACTIVATED -> AuditAction.ACCOUNT_REACTIVATED;
            case PASSWORD_RESET -> AuditAction.PASSWORD_RESET;
            case TWO_FACTOR_RESET -> AuditAction.MFA_RESET;
        };
        auditLog.record(AuditEvent.of(action, ACCOUNT, String.valueOf(event.accountId()))
                .because(event.detail()));
    }

    /** An operator's command refused to create an account (no one is signed in). */
    @EventListener
    void accountCreationRefused(AccountCreationRefused event) {
        auditLog.record(AuditEvent.of(AuditAction.ACCOUNT_CREATED, ACCOUNT, null)
                .withOutcome(AuditOutcome.DENIED)
                .because(event.reason()));
    }

    /** The administrator who created or renamed the team is the signed-in person. */
    @EventListener
    void teamAdministered(TeamAdministered event) {
        var action = switch (event.change()) {
            case CREATED -> AuditAction.TEAM_CREATED;
            case RENAMED -> AuditAction.TEAM_RENAMED;
        };
        auditLog.record(
                AuditEvent.of(action, "team", String.valueOf(event.teamId())).because(event.detail()));
    }

    /** An administrator's change refused by separation of duties: the signed-in administrator is the actor. */
    @EventListener
    void accountChangeDenied(AccountChangeDenied event) {
        auditLog.record(AuditEvent.of(AuditAction.ACCESS_DENIED, event.recordType(), event.recordId())
                .withOutcome(AuditOutcome.DENIED)
                .because(event.rule()));
    }

    @EventListener
    void teamSupervisorChanged(TeamSupervisorChanged event) {
        auditLog.record(AuditEvent.of(AuditAction.SUPERVISOR_CHANGED, "team", String.valueOf(event.teamId()))
                .because("supervisor: account " + event.supervisorId()));
    }

    @EventListener
    void passwordChanged(PasswordChanged event) {
        auditLog.record(AuditEvent.of(AuditAction.UPDATE, ACCOUNT, String.valueOf(event.accountId()))
                .because("password changed"));
    }

    @EventListener
    void secondFactorAccepted(SecondFactorAccepted event) {
        auditLog.recordAs(
                actorFor(event.username()),
                AuditEvent.of(AuditAction.SECOND_FACTOR_SUCCESS, ACCOUNT, String.valueOf(event.accountId()))
                        .because(event.method()));
    }

    @EventListener
    void secondFactorFailed(SecondFactorFailed event) {
        auditLog.recordAs(
                actorFor(event.username()),
                AuditEvent.of(AuditAction.SECOND_FACTOR_FAILURE, ACCOUNT, String.valueOf(event.accountId()))
                        .withOutcome(AuditOutcome.FAILURE)
                        .because(event.reason()));
    }

    @EventListener
    void twoFactorEnrolled(TwoFactorEnrolled event) {
        auditLog.recordAs(
                actorFor(event.username()),
                AuditEvent.of(AuditAction.TWO_FACTOR_ENROLLED, ACCOUNT, String.valueOf(event.accountId())));
    }

    @EventListener
    void reAuthenticated(ReAuthenticated event) {
        var entry = AuditEvent.of(
                event.confirmed() ? AuditAction.REAUTHENTICATION_SUCCESS : AuditAction.REAUTHENTICATION_FAILURE,
                ACCOUNT,
                String.valueOf(event.accountId()));
        auditLog.recordAs(
                actorFor(event.username()),
                event.confirmed()
                        ? entry
                        : entry.withOutcome(AuditOutcome.FAILURE).because(event.reason()));
    }

    private AuditLog.Actor actorFor(String username) {
        return directory
                .findByUsername(username)
                .map(SecurityEventAuditor::actor)
                .orElse(AuditLog.Actor.NOBODY);
    }

    private static AuditLog.Actor actor(StaffDirectory.StaffRef account) {
        return new AuditLog.Actor(account.id(), account.username(), AuditLog.roles(null, account.roles()));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        recordOwnAccountEvent(event.getAuthentication(), AuditAction.SIGN_OUT);
    }

    private void recordOwnAccountEvent(Authentication authentication, AuditAction action) {
        if (authentication.getPrincipal() instanceof StaffUser user) {
            auditLog.recordAs(actor(user), AuditEvent.of(action, ACCOUNT, String.valueOf(user.accountId())));
        }
    }

    @EventListener
    void sessionEnded(HttpSessionDestroyedEvent event) {
        var session = event.getSession();
        if (session.getAttribute(SessionEnd.SIGNED_OUT) != null) {
            return;
        }
        var reason = session.getAttribute(SessionEnd.ABSOLUTE_LIMIT) != null ? "absolute time limit" : "idle";
        event.getSecurityContexts().stream()
                .map(context -> context.getAuthentication())
                .filter(authentication -> authentication != null && authentication.getPrincipal() instanceof StaffUser)
                .map(authentication -> (StaffUser) authentication.getPrincipal())
                .findFirst()
                .ifPresent(user -> auditLog.recordAs(
                        actor(user),
                        AuditEvent.of(AuditAction.SESSION_EXPIRED, ACCOUNT, String.valueOf(user.accountId()))
                                .because(reason)));
    }

    @EventListener
    void accessDenied(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            return; // nobody signed in: the sign-in page is the answer, not an incident
        }
        String type;
        String id;
        Object target = event.getObject();
        if (target instanceof MethodInvocation invocation) {
            type = "service";
            id = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                    + invocation.getMethod().getName();
        } else if (target instanceof RequestAuthorizationContext context) {
            type = "request";
            id = context.getRequest().getRequestURI();
        } else if (target instanceof HttpServletRequest request) {
            type = "request";
            id = request.getRequestURI();
        } else {
            type = target.getClass().getSimpleName();
            id = null;
        }
        auditLog.recordAs(
                actor(user), AuditEvent.of(AuditAction.ACCESS_DENIED, type, id).withOutcome(AuditOutcome.DENIED));
    }

    @EventListener
    void viewDenied(NavigationDenied event) {
        var actor = actorFor(event.username());
        auditLog.recordAs(
                actor,
                AuditEvent.of(AuditAction.ACCESS_DENIED, "view", event.path()).withOutcome(AuditOutcome.DENIED));
    }

    private static AuditLog.Actor actor(StaffUser user) {
        return new AuditLog.Actor(user.accountId(), user.getUsername(), AuditLog.roles(null, user.roles()));
    }
}
