package org.casebook.riskplan;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RiskPlanRepository extends JpaRepository<RiskPlan, UUID> {

    Optional<RiskPlan> findByClientId(UUID clientId);

    List<RiskPlan> findByClientIdIn(Collection<UUID> clientIds);
}

interface RiskPlanVersionRepository extends JpaRepository<RiskPlanVersion, UUID> {

    List<RiskPlanVersion> findByPlanIdOrderByNumberDesc(UUID planId);

    Optional<RiskPlanVersion> findByPlanIdAndNumber(UUID planId, int number);
}

interface RiskPlanActionRepository extends JpaRepository<RiskPlanAction, UUID> {

    List<RiskPlanAction> findByVersionIdOrderByPosition(UUID versionId);
}

interface RiskReviewRepository extends JpaRepository<RiskReview, UUID> {

    List<RiskReview> findByClientIdOrderByReviewedOnAscCreatedAtAsc(UUID clientId);
}

interface TriggerDateRepository extends JpaRepository<TriggerDate, UUID> {

    List<TriggerDate> findByClientIdOrderByOnDate(UUID clientId);

    List<TriggerDate> findByClientIdAndOnDateBetweenOrderByOnDate(
            UUID clientId, java.time.LocalDate from, java.time.LocalDate to);

    @Query("select t from TriggerDate t where t.onDate between :from and :to order by t.onDate")
    List<TriggerDate> findBetween(java.time.LocalDate from, java.time.LocalDate to);
}

interface ConcernRepository extends JpaRepository<Concern, UUID> {

    List<Concern> findByClientIdOrderByRaisedAtDesc(UUID clientId);

    @Query("""
            select c from Concern c
            where not exists (select x from ConcernClosure x where x.concernId = c.id)
            order by c.immediate desc, c.raisedAt""")
    List<Concern> findOpen();

    /** The open concerns counted in the database: all, those in immediate danger, those of these teams. */
    @Query("""
            select count(c), coalesce(sum(case when c.immediate = true then 1 else 0 end), 0),
                   coalesce(sum(case when c.teamId in :teams then 1 else 0 end), 0)
            from Concern c
            where not exists (select x from ConcernClosure x where x.concernId = c.id)""")
    List<Object[]> countOpen(java.util.Collection<Long> teams);

    @Query("""
            select c from Concern c
            where exists (select x from ConcernClosure x where x.concernId = c.id)
            order by c.raisedAt desc""")
    List<Concern> findClosed(org.springframework.data.domain.Pageable page);

    /** How many of a client's concerns are open, and how many of those are in immediate danger. */
    @Query("""
            select count(c), coalesce(sum(case when c.immediate = true then 1 else 0 end), 0) from Concern c
            where c.clientId = :clientId and not exists (select x from ConcernClosure x where x.concernId = c.id)""")
    List<Object[]> countOpenOf(UUID clientId);

    @Query("select c from Concern c where c.raisedBy = :staffId order by c.raisedAt desc")
    List<Concern> findRaisedBy(long staffId);
}

interface ConcernDecisionRepository extends JpaRepository<ConcernDecision, UUID> {

    Optional<ConcernDecision> findByConcernId(UUID concernId);

    List<ConcernDecision> findByConcernIdIn(Collection<UUID> concernIds);
}

interface ConcernClosureRepository extends JpaRepository<ConcernClosure, UUID> {

    Optional<ConcernClosure> findByConcernId(UUID concernId);

    List<ConcernClosure> findByConcernIdIn(Collection<UUID> concernIds);
}

interface ConcernCommentRepository extends JpaRepository<ConcernComment, UUID> {

    List<ConcernComment> findByConcernIdOrderByCreatedAt(UUID concernId);
}
