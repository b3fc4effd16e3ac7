package org.casebook.client;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClientHistoryRepository extends JpaRepository<ClientHistoryEntry, UUID> {

    List<ClientHistoryEntry> findByClientIdOrderByHappenedAtAscIdAsc(UUID clientId);
}
