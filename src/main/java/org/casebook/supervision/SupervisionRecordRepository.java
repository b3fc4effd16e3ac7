package org.casebook.supervision;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupervisionRecordRepository extends JpaRepository<SupervisionRecord, UUID> {

    /** The records this person wrote as supervisor or was supervised in, newest first. */
    @Query("""
            select r from SupervisionRecord r
            where r.supervisorId = :staffId or r.counsellorId = :staffId
            order by r.heldOn desc, r.createdAt desc""")
    List<SupervisionRecord> findInvolving(long staffId, Pageable page);
}
