package org.casebook.session;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WorkingHoursRepository extends JpaRepository<WorkingHours, WorkingHours.Key> {

    @Query("select w from WorkingHours w where w.key.staffId = :staffId order by w.key.dayOfWeek")
    List<WorkingHours> findOf(long staffId);

    @Modifying
    @Query("delete from WorkingHours w where w.key.staffId = :staffId")
    void deleteOf(long staffId);
}
