package org.casebook.client;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClientRepository extends JpaRepository<Client, UUID> {

    Optional<Client> findByCode(String code);

    boolean existsByCode(String code);

    java.util.List<Client> findByCounsellorIdAndStatusNotOrderByReceivedOn(long counsellorId, CaseStatus status);

    /**
     * The clients a member of staff may see without break-glass: assigned to them, or belonging to a team
     * they lead; never one they are excluded from. {@code teams} must not be empty (pass an id no team has).
     */
    @Query("""
            select c from Client c
            where (c.counsellorId = :staffId or c.teamId in :teams)
              and not exists (select x from ClientExclusion x where x.clientId = c.id and x.staffId = :staffId)
              and c.status in :statuses
              and (:code is null or c.code like :code or c.id in :named)""")
    Slice<Client> findVisible(
            long staffId,
            Collection<Long> teams,
            Collection<CaseStatus> statuses,
            @org.jspecify.annotations.Nullable String code,
            Collection<UUID> named,
            Pageable pageable);

    /**
     * The sealed preferred names of the clients {@link #findVisible} could list (the same rule): a search by
     * name opens these, in the service, and matches there; the database never sees a name in clear.
     */
    @Query("""
            select c.id, c.preferredName from Client c
            where (c.counsellorId = :staffId or c.teamId in :teams)
              and not exists (select x from ClientExclusion x where x.clientId = c.id and x.staffId = :staffId)
              and c.status in :statuses""")
    java.util.List<Object[]> findVisibleNames(long staffId, Collection<Long> teams, Collection<CaseStatus> statuses);

    @Query("""
            select c from Client c
            where c.teamId in :teams and c.status in :statuses
            order by case when c.priority is null then 9 else c.priority end, c.receivedOn, c.code""")
    java.util.List<Client> findTeamCases(Collection<Long> teams, Collection<CaseStatus> statuses, Pageable pageable);

    /** A page of the teams' cases in a status, as {@link #findTeamCases} orders them, leaving out the person's exclusions. */
    @Query("""
            select c from Client c
            where c.teamId in :teams and c.status in :statuses
              and not exists (select x from ClientExclusion x where x.clientId = c.id and x.staffId = :staffId)
            order by case when c.priority is null then 9 else c.priority end, c.receivedOn, c.code""")
    java.util.List<Client> findTeamCasesFor(
            Collection<Long> teams, Collection<CaseStatus> statuses, long staffId, Pageable pageable);

    @Query("""
            select count(c) from Client c
            where c.teamId in :teams and c.status in :statuses
              and not exists (select x from ClientExclusion x where x.clientId = c.id and x.staffId = :staffId)""")
    long countTeamCasesFor(Collection<Long> teams, Collection<CaseStatus> statuses, long staffId);

    @Query("""
            select c.counsellorId, count(c) from Client c
            where c.counsellorId in :counsellors and c.status <> :closed
            group by c.counsellorId""")
    java.util.List<Object[]> countOpenByCounsellor(Collection<Long> counsellors, CaseStatus closed);

    @Query("""
            select c.teamId, count(c) from Client c
            where c.teamId in :teams and c.status = :status
            group by c.teamId""")
    java.util.List<Object[]> countByTeamInStatus(Collection<Long> teams, CaseStatus status);

    /** Which of these clients the member of staff may see without break-glass (the rule of {@link #findVisible}). */
    @Query("""
            select c.id from Client c
            where c.id in :ids and (c.counsellorId = :staffId or c.teamId in :teams)
              and not exists (select x from ClientExclusion x where x.clientId = c.id and x.staffId = :staffId)""")
    java.util.List<UUID> findVisibleAmong(Collection<UUID> ids, long staffId, Collection<Long> teams);
}
