package org.casebook.client;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientExclusionRepository extends JpaRepository<ClientExclusion, UUID> {

    boolean existsByClientIdAndStaffId(UUID clientId, long staffId);

    List<ClientExclusion> findByClientIdOrderByCreatedAt(UUID clientId);
}
