package org.casebook.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByUsername(String username);

    boolean existsByDemoTrue();

    @Query("""
            select a from StaffAccount a
            where a.team.supervisor.id = :supervisorId and a.id <> :supervisorId
            order by a.displayName""")
    List<StaffAccount> findTeamMembersOf(long supervisorId);

    @Query("select count(distinct a) from StaffAccount a join a.roles r where r = :role and a.enabled = true")
    long countActiveWithRole(Role role);

    long countByEnabledTrue();
}
