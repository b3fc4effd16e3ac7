package org.casebook.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByUsername(String username);

    boolean existsByDemoTrueAndEnabledTrue();

    List<StaffAccount> findByDemoTrue();

    boolean existsByUsernameIgnoreCase(String username);

    @Query(value = """
            select a from StaffAccount a
            where lower(a.displayName) like lower(concat('%', :search, '%'))
               or lower(a.username) like lower(concat('%', :search, '%'))""", countQuery = """
            select count(a) from StaffAccount a
            where lower(a.displayName) like lower(concat('%', :search, '%'))
               or lower(a.username) like lower(concat('%', :search, '%'))""")
    Page<StaffAccount> search(String search, Pageable pageable);

    @Query(
            "select distinct a from StaffAccount a join a.roles r where r = :role and a.enabled = true order by a.displayName")
    List<StaffAccount> findActiveWithRole(Role role);

    @Query("select a.mustChangePassword from StaffAccount a where a.id = :id")
    Optional<Boolean> mustChangePassword(long id);

    @Query("""
            select a from StaffAccount a
            where a.team.supervisor.id = :supervisorId and a.id <> :supervisorId
            order by a.displayName""")
    List<StaffAccount> findTeamMembersOf(long supervisorId);

    @Query("select count(distinct a) from StaffAccount a join a.roles r where r = :role and a.enabled = true")
    long countActiveWithRole(Role role);

    long countByEnabledTrue();

    // Throttling state changes in single statements: the row lock serialises concurrent failures and
    // the entity's @Version is left alone, so an administrator's edit never conflicts with a sign-in.

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StaffAccount a set a.failedAttempts = a.failedAttempts + 1 where a.username = :username")
    int incrementFailedAttempts(String username);

    @Query("select a.failedAttempts from StaffAccount a where a.username = :username")
    Optional<Integer> failedAttempts(String username);

    @Query("select a.lockedUntil from StaffAccount a where a.username = :username")
    Optional<Instant> lockedUntil(String username);

    /** Locks the account unless it is locked already; 1 when this call locked it. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update StaffAccount a set a.lockedUntil = :until
            where a.username = :username and a.failedAttempts >= :threshold
              and (a.lockedUntil is null or a.lockedUntil <= :now)""")
    int lockIfOverThreshold(String username, int threshold, Instant now, Instant until);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update StaffAccount a set a.failedAttempts = 0, a.lockedUntil = null
            where a.username = :username and (a.failedAttempts <> 0 or a.lockedUntil is not null)""")
    int resetFailedAttempts(String username);

    // Second-factor codes have their own count: a correct password leaves it alone.

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StaffAccount a set a.failedCodes = a.failedCodes + 1 where a.username = :username")
    int incrementFailedCodes(String username);

    @Query("select a.failedCodes from StaffAccount a where a.username = :username")
    Optional<Integer> failedCodes(String username);

    /** Locks the account for its codes unless it is locked already; 1 when this call locked it. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update StaffAccount a set a.lockedUntil = :until
            where a.username = :username and a.failedCodes >= :threshold
              and (a.lockedUntil is null or a.lockedUntil <= :now)""")
    int lockIfCodesOverThreshold(String username, int threshold, Instant now, Instant until);

    /** A completed sign-in or an administrator's unlock: both counts start again and any lock ends. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update StaffAccount a set a.failedAttempts = 0, a.failedCodes = 0, a.lockedUntil = null
            where a.username = :username""")
    int resetAllFailures(String username);

    /** Records a used time step, unless it or a later one was used already; 1 when this call recorded it. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update StaffAccount a set a.totpLastStep = :step
            where a.id = :accountId and (a.totpLastStep is null or a.totpLastStep < :step)""")
    int useTotpStep(long accountId, long step);

    /** Stores the sealed authenticator secret and forgets the last used step (a new secret, new steps). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StaffAccount a set a.totpSecret = :sealedSecret, a.totpLastStep = null where a.id = :accountId")
    int enrolTotp(long accountId, byte[] sealedSecret);

    /** Forgets the authenticator secret, so the person sets up an app again at their next sign-in. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StaffAccount a set a.totpSecret = null, a.totpLastStep = null where a.id = :accountId")
    int forgetTotp(long accountId);

    @Query("select t.id from Team t where t.supervisor.id = :staffId")
    List<Long> teamsLedBy(long staffId);

    @Query("""
            select distinct a from StaffAccount a join a.roles r
            where r = org.casebook.security.Role.COUNSELLOR and a.enabled = true and a.team.id in :teamIds
            order by a.displayName""")
    List<StaffAccount> findActiveCounsellorsIn(Collection<Long> teamIds);
}
