package org.casebook.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task; its title is sealed, its date, people and client code are in clear for lists. */
@Entity
@Table(name = "task")
class Task {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(nullable = false)
    private byte[] title;

    @Column(nullable = false)
    private LocalDate dueOn;

    @Column(nullable = false)
    private long assigneeId;

    @Column(nullable = false)
    private long createdBy;

    private @Nullable UUID clientId;

    @Column(length = 12)
    private @Nullable String clientCode;

    @Column(nullable = false)
    private Instant createdAt;

    private @Nullable Instant doneAt;

    private @Nullable Long doneBy;

    protected Task() {
        this.id = new UUID(0, 0);
        this.title = new byte[0];
        this.dueOn = LocalDate.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    Task(
            UUID id,
            byte[] title,
            LocalDate dueOn,
            long assigneeId,
            long createdBy,
            @Nullable UUID clientId,
            @Nullable String clientCode,
            Instant createdAt) {
        this.id = id;
        this.title = title;
        this.dueOn = dueOn;
        this.assigneeId = assigneeId;
        this.createdBy = createdBy;
        this.clientId = clientId;
        this.clientCode = clientCode;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    byte[] title() {
        return title;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    long assigneeId() {
        return assigneeId;
    }

    long createdBy() {
        return createdBy;
    }

    @Nullable
    UUID clientId() {
        return clientId;
    }

    @Nullable
    String clientCode() {
        return clientCode;
    }

    @Nullable
    Instant doneAt() {
        return doneAt;
    }

    void done(long by, Instant at) {
        this.doneBy = by;
        this.doneAt = at;
    }
}
