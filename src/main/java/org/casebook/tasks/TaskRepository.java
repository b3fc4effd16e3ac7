package org.casebook.tasks;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, UUID> {

    @Query("select t from Task t where t.assigneeId = :assignee and t.doneAt is null order by t.dueOn, t.createdAt")
    List<Task> findOpenFor(long assignee, Pageable page);

    @Query("select t from Task t where t.clientId = :clientId and t.doneAt is null order by t.dueOn, t.createdAt")
    List<Task> findOpenForClient(UUID clientId, Pageable page);
}
