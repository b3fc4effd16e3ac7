package org.casebook.client;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BreakGlassGrantRepository extends JpaRepository<BreakGlassGrant, UUID> {

    boolean existsByClientIdAndStaffIdAndExpiresAtAfter(UUID clientId, long staffId, Instant now);
}
