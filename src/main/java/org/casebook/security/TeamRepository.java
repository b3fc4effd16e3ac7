package org.casebook.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByName(String name);

    Optional<Team> findByNameIgnoreCase(String name);

    List<Team> findAllByOrderByName();

    List<Team> findBySupervisor(StaffAccount supervisor);
}
