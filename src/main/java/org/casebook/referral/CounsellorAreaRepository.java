package org.casebook.referral;

import org.springframework.data.jpa.repository.JpaRepository;

interface CounsellorAreaRepository extends JpaRepository<CounsellorArea, Long> {}
