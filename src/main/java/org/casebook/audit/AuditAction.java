package org.casebook.audit;

/** What was done. Stored by name, so names never change once used. */
public enum AuditAction {
    VIEW("Viewed"),
    CREATE("Created"),
    UPDATE("Updated"),
    SIGN("Signed"),
    EXPORT("Exported"),
    ASSIGN("Assigned"),
    BREAK_GLASS("Break-glass access"),
    SIGN_IN_SUCCESS("Signed in"),
    SIGN_IN_FAILURE("Sign-in failed"),
    SIGN_OUT("Signed out"),
    SESSION_EXPIRED("Session expired"),
    ACCESS_DENIED("Access denied"),
    VERIFY("Verified audit log"),
    ACCOUNT_LOCKED("Account locked"),
    ACCOUNT_UNLOCKED("Account unlocked"),
    SECOND_FACTOR_SUCCESS("Second factor accepted"),
    SECOND_FACTOR_FAILURE("Second factor refused"),
    TWO_FACTOR_ENROLLED("Two-factor sign-in set up"),
    REAUTHENTICATION_SUCCESS("Re-authenticated"),
    REAUTHENTICATION_FAILURE("Re-authentication failed"),
    ACCOUNT_CREATED("Account created"),
    ROLES_CHANGED("Roles changed"),
    TEAM_CHANGED("Team changed"),
    ACCOUNT_DEACTIVATED("Account deactivated"),
    ACCOUNT_REACTIVATED("Account reactivated"),
    PASSWORD_RESET("Password reset"),
    SUPERVISOR_CHANGED("Team supervisor changed"),
    STATUS_CHANGED("Case status changed"),
    EXCLUSION_ADDED("Staff excluded from a client"),
    EXCLUSION_REMOVED("Exclusion lifted"),
    REASSIGN("Reassigned"),
    CONSENT_RECORDED("Consent recorded"),
    CO_SIGN("Co-signed"),
    ADDENDUM("Addendum added"),
    SAFEGUARDING_RAISED("Safeguarding concern raised"),
    SAFEGUARDING_DECIDED("Safeguarding decision recorded"),
    SAFEGUARDING_CLOSED("Safeguarding concern closed"),
    BREAK_GLASS_REVIEWED("Break-glass access reviewed"),
    MFA_RESET("Two-factor sign-in reset"),
    TEAM_CREATED("Team created"),
    TEAM_RENAMED("Team renamed"),
    DELETE("Deleted"),
    RETENTION_DUE("Found past its retention date"),
    RETENTION_APPROVED("Anonymisation approved"),
    ANONYMISED("Anonymised"),
    LEGAL_HOLD_PLACED("Legal hold placed"),
    LEGAL_HOLD_RELEASED("Legal hold released"),
    DATA_REQUEST("Data protection request"),
    REMINDER_SENT("Appointment reminder sent"),
    REMINDER_NOT_SENT("Appointment reminder not sent"),
    REMINDER_FAILED("Appointment reminder failed");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
