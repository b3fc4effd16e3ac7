package org.casebook.tasks;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.client.ClientId;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.CurrentUser;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.security.StaffMember;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks. Anyone clinical sets tasks for themselves or for a colleague in their team (the counsellors of
 * their own team, and of the teams they lead). A task about a client may go only to someone who works with
 * that client: the person setting it (who must be allowed to change the client's record) or the client's
 * counsellor. A task is seen and completed by the person it is for and the person who set it.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class TaskService {

    static final int MAX_LIST = 200;
    public static final String TITLE_NEEDED = "Say what is to be done.";
    public static final String DUE_NEEDED = "Choose the date it is due.";
    public static final String NOT_A_COLLEAGUE = "Tasks go to yourself or to a colleague in your team.";
    public static final String NOT_THE_CLIENTS =
            "A task about a client goes to yourself or to the client's counsellor.";
    static final String NOT_YOURS = "This task is not yours, or there is no such task.";

    private final TaskRepository tasks;
    private final CaseAccessPolicy policy;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    TaskService(
            TaskRepository tasks,
            CaseAccessPolicy policy,
            StaffDirectory staff,
            CurrentUser currentUser,
            FieldEncryption encryption,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.tasks = tasks;
        this.policy = policy;
        this.staff = staff;
        this.currentUser = currentUser;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /** The people the signed-in person may give a task to: themselves first, then their team's counsellors. */
    @Transactional(readOnly = true)
    public List<StaffMember> assignable() {
        var me = currentUser.require();
        var teams = new HashSet<>(staff.teamsLedBy(me.accountId()));
        staff.teamOf(me.accountId()).ifPresent(teams::add);
        var people = new LinkedHashMap<Long, StaffMember>();
        staff.member(me.accountId()).ifPresent(m -> people.put(m.id(), m));
        staff.activeCounsellorsIn(teams).forEach(m -> people.putIfAbsent(m.id(), m));
        return List.copyOf(people.values());
    }

    /**
     * Adds a task.
     *
     * @throws InvalidFields naming the field ({@code title}, {@code due}, {@code assignee}, {@code client})
     */
    public TaskRow create(NewTask task) {
        var me = currentUser.require();
        var title = Text.required("title", task.title(), Text.LINE, TITLE_NEEDED);
        if (task.due() == null) {
            throw new InvalidFields("due", DUE_NEEDED);
        }
        DateRange.PLANNING.check("due", task.due(), charity.today());
        if (assignable().stream().noneMatch(m -> m.id() == task.assigneeId())) {
            throw new InvalidFields("assignee", NOT_A_COLLEAGUE);
        }
        UUID clientId = null;
        String code = null;
        if (!Text.isBlank(task.clientCode())) {
            var client = policy.requireChange(Objects.requireNonNull(task.clientCode()), "task");
            if (task.assigneeId() != me.accountId() && !Objects.equals(client.counsellorId(), task.assigneeId())) {
                throw new InvalidFields("assignee", NOT_THE_CLIENTS);
            }
            clientId = client.id().value();
            code = client.code();
        }
        var id = UUID.randomUUID();
        var saved = tasks.save(new Task(
                id,
                Objects.requireNonNull(encryption.seal(title, TaskColumns.TITLE.forRow(id))),
                task.due(),
                task.assigneeId(),
                me.accountId(),
                clientId,
                code,
                clock.instant()));
        var event = AuditEvent.of(AuditAction.CREATE, "task", id.toString());
        audit.record(code == null ? event : event.forClient(code));
        return rows(List.of(saved)).getFirst();
    }

    /** The signed-in person's open tasks, soonest due first (at most {@value #MAX_LIST}). Audited as a view. */
    public List<TaskRow> mine() {
        var found = tasks.findOpenFor(currentUser.require().accountId(), PageRequest.of(0, MAX_LIST));
        var rows = rows(found);
        policy.recordListed(
                "tasks",
                rows.stream().map(TaskRow::clientCode).filter(Objects::nonNull).toList());
        return rows;
    }

    /** The open tasks about one client, for people with need-to-know. Audited as a view. */
    public List<TaskRow> ofClient(String clientCode) {
        var client = policy.require(clientCode);
        var rows = rows(tasks.findOpenForClient(client.id().value(), PageRequest.of(0, MAX_LIST)));
        policy.recordView(
                client, AuditEvent.of(AuditAction.VIEW, "tasks", client.code()).forClient(client.code()));
        return rows;
    }

    /** Marks a task done: by the person it is for, or the person who set it. */
    public void complete(UUID taskId) {
        var me = currentUser.require().accountId();
        var task = tasks.findById(Objects.requireNonNull(taskId, "taskId"))
                .filter(t -> t.assigneeId() == me || t.createdBy() == me)
                .orElseThrow(() -> new AccessDeniedException(NOT_YOURS));
        if (task.doneAt() == null) {
            task.done(me, clock.instant());
            var event =
                    AuditEvent.of(AuditAction.UPDATE, "task", taskId.toString()).because("done");
            audit.record(task.clientCode() == null ? event : event.forClient(task.clientCode()));
        }
    }

    private List<TaskRow> rows(List<Task> found) {
        var people = new HashSet<Long>();
        var clients = new ArrayList<ClientId>();
        for (var t : found) {
            people.add(t.assigneeId());
            people.add(t.createdBy());
            if (t.clientId() != null) {
                clients.add(new ClientId(t.clientId()));
            }
        }
        var names = staff.displayNames(people);
        var visible = policy.allowedAmong(clients);
        var today = charity.today();
        return found.stream()
                .map(t -> new TaskRow(
                        t.id(),
                        Objects.requireNonNull(encryption.open(t.title(), TaskColumns.TITLE.forRow(t.id()))),
                        t.dueOn(),
                        names.getOrDefault(t.assigneeId(), "?"),
                        names.getOrDefault(t.createdBy(), "?"),
                        t.clientId() != null && visible.contains(new ClientId(t.clientId())) ? t.clientCode() : null,
                        t.dueOn().isBefore(today)))
                .toList();
    }
}
