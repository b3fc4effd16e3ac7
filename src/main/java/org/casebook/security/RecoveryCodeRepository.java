package org.casebook.security;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RecoveryCodeRepository extends JpaRepository<RecoveryCode, Long> {

    /** Marks an unused code used; 1 when it was there and unused (one statement, so it works once). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update RecoveryCode c set c.usedAt = :now
            where c.accountId = :accountId and c.codeHash = :codeHash and c.usedAt is null""")
    int use(long accountId, String codeHash, Instant now);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("delete from RecoveryCode c where c.accountId = :accountId")
    void deleteAllOf(long accountId);
}
