package org.casebook.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A member of staff who may sign in. */
@Entity
@Table(name = "staff_account")
class StaffAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** Marks the fictional demo accounts, which production refuses to start with. */
    @Column(nullable = false)
    private boolean demo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private @Nullable Team team;

    // Loaded with the accounts of the same query in one statement (a subselect), not one statement per account.
    @ElementCollection(fetch = FetchType.EAGER)
    @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SUBSELECT)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    // Sign-in throttling state: written only by StaffAccountRepository's atomic updates.
    @Column(name = "failed_attempts", insertable = false, updatable = false)
    private int failedAttempts;

    @Column(name = "failed_codes", insertable = false, updatable = false)
    private int failedCodes;

    @Column(name = "locked_until", insertable = false, updatable = false)
    private @Nullable Instant lockedUntil;

    /**
     * The authenticator-app secret (Base32), sealed by FieldEncryption; null until enrolled. Written only
     * by the repository's update, so enrolling never clashes with an administrator's edit of the account.
     */
    @Column(name = "totp_secret", insertable = false, updatable = false)
    private byte @Nullable [] totpSecret;

    // The last time step whose code was accepted: written only by an atomic update, so a code works once.
    @Column(name = "totp_last_step", insertable = false, updatable = false)
    private @Nullable Long totpLastStep;

    protected StaffAccount() {
        // for JPA
        this.username = "";
        this.displayName = "";
        this.email = "";
        this.passwordHash = "";
        this.createdAt = Instant.EPOCH;
    }

    StaffAccount(
            String username,
            String displayName,
            String email,
            String passwordHash,
            Set<Role> roles,
            Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("account not saved yet");
        }
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    boolean demo() {
        return demo;
    }

    void markDemo() {
        this.demo = true;
    }

    @Nullable
    Team team() {
        return team;
    }

    void joinTeam(@Nullable Team team) {
        this.team = team;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    int failedAttempts() {
        return failedAttempts;
    }

    int failedCodes() {
        return failedCodes;
    }

    @Nullable
    Instant lockedUntil() {
        return lockedUntil;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
    }

    /** A one-time password set by an administrator, to be replaced at the next sign-in. */
    void setTemporaryPassword(String newHash) {
        this.passwordHash = newHash;
        this.mustChangePassword = true;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    long version() {
        return version;
    }

    void grantRoles(Set<Role> newRoles) {
        this.roles = EnumSet.copyOf(newRoles);
    }

    void deactivate() {
        this.enabled = false;
    }

    void reactivate() {
        this.enabled = true;
    }

    byte @Nullable [] totpSecret() {
        return totpSecret;
    }

    @Nullable
    Long totpLastStep() {
        return totpLastStep;
    }
}
