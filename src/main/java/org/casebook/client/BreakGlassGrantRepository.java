package org.casebook.client;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BreakGlassGrantRepository extends JpaRepository<BreakGlassGrant, UUID> {

    boolean existsByClientIdAndStaffIdAndExpiresAtAfter(UUID clientId, long staffId, Instant now);

    /** Which of these clients the member of staff holds live break-glass access to, never one they are excluded from. */
    @Query("""
            select distinct g.clientId from BreakGlassGrant g
            where g.staffId = :staffId and g.expiresAt > :now and g.clientId in :ids
              and not exists (select x from ClientExclusion x where x.clientId = g.clientId and x.staffId = :staffId)""")
    List<UUID> findOpenAmong(Collection<UUID> ids, long staffId, Instant now);
}
