package org.casebook.client;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Break-glass grants a supervisor reviews: those to a client of their teams, and those by a member of
 * their teams, but never their own (nobody reviews themselves).
 */
interface BreakGlassReviewRepository extends Repository<BreakGlassGrant, UUID> {

    @Query("""
            select g, c.code, g.version from BreakGlassGrant g, Client c
            where c.id = g.clientId and g.staffId <> :reviewer
              and (c.teamId in :teams or g.staffId in :members)
              and g.review in :reviews
            order by g.grantedAt desc""")
    List<Object[]> findForReview(
            long reviewer,
            Collection<Long> teams,
            Collection<Long> members,
            Collection<BreakGlassGrant.Review> reviews,
            Pageable page);

    @Query("""
            select g, c.code, g.version from BreakGlassGrant g, Client c
            where g.id = :id and c.id = g.clientId and g.staffId <> :reviewer
              and (c.teamId in :teams or g.staffId in :members)""")
    List<Object[]> findOneForReview(UUID id, long reviewer, Collection<Long> teams, Collection<Long> members);

    @Query("""
            select count(g) from BreakGlassGrant g, Client c
            where c.id = g.clientId and g.staffId <> :reviewer
              and (c.teamId in :teams or g.staffId in :members)
              and g.review = org.casebook.client.BreakGlassGrant.Review.PENDING""")
    long countPending(long reviewer, Collection<Long> teams, Collection<Long> members);
}
