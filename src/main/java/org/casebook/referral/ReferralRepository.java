package org.casebook.referral;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReferralRepository extends JpaRepository<Referral, UUID> {

    @Query("""
            select r.id, case when r.phoneMatch = :phone then 'phone'
                              when r.emailMatch = :email then 'email'
                              else 'name and year of birth' end
            from Referral r
            where r.phoneMatch = :phone or r.emailMatch = :email or r.nameYearMatch = :nameYear""")
    List<Object[]> findMatches(String phone, String email, String nameYear);

    @Query("""
            select r.id, r.receivedOn from Referral r
            where r.teamId in :teams and r.childAtRisk = true and r.triagedAt is null
            order by r.receivedOn, r.createdAt""")
    List<Object[]> findUntriagedChildAtRisk(Collection<Long> teams);

    /** Rows of year, month, source and count, computed by the database. */
    @Query("""
            select extract(year from r.receivedOn), extract(month from r.receivedOn), r.source, count(r)
            from Referral r
            where r.teamId = :team and r.receivedOn >= :from and r.receivedOn <= :to
            group by extract(year from r.receivedOn), extract(month from r.receivedOn), r.source""")
    List<Object[]> countBySourceAndMonth(long team, LocalDate from, LocalDate to);
}
