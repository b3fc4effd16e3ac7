package org.casebook.session;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Core10Repository extends JpaRepository<Core10Score, UUID> {

    List<Core10Score> findByClientIdOrderByMeasuredOn(UUID clientId);

    boolean existsByClientIdAndMeasuredOn(UUID clientId, LocalDate measuredOn);
}
