package org.casebook.client;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Aggregate queries over the client table for supervisors' figures: counted in the database, not in Java. */
interface CaseloadFigureRepository extends Repository<Client, UUID> {

    /** Rows of (counsellor id, number of clients) for the cases in these statuses of these teams. */
    @Query("""
            select c.counsellorId, count(c) from Client c
            where c.teamId in :teams and c.status in :statuses and c.counsellorId is not null
            group by c.counsellorId""")
    List<Object[]> countByCounsellor(Collection<Long> teams, Collection<CaseStatus> statuses);

    /** Rows of (status, number of clients) for these teams. */
    @Query("select c.status, count(c) from Client c where c.teamId in :teams group by c.status")
    List<Object[]> countByStatus(Collection<Long> teams);

    @Query("select count(c) from Client c where c.teamId in :teams and c.status in :statuses")
    long countInStatuses(Collection<Long> teams, Collection<CaseStatus> statuses);

    @Query("""
            select c from Client c
            where c.teamId in :teams and c.counsellorId = :counsellorId and c.status in :statuses
            order by c.code""")
    List<Client> findOfCounsellor(
            Collection<Long> teams, long counsellorId, Collection<CaseStatus> statuses, Pageable page);

    @Query("""
            select c from Client c
            where c.teamId in :teams and c.status in :statuses
            order by c.priority, c.receivedOn, c.code""")
    List<Client> findInStatuses(Collection<Long> teams, Collection<CaseStatus> statuses, Pageable page);
}
