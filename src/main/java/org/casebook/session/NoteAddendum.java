package org.casebook.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A correction or addition to a signed note, signed and dated when written; never changed. */
@Entity
@Table(name = "session_note_addendum")
class NoteAddendum {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID noteId;

    @Column(nullable = false)
    private long authorId;

    @Column(nullable = false)
    private byte[] body;

    @Column(nullable = false)
    private Instant signedAt;

    protected NoteAddendum() {
        this.id = new UUID(0, 0);
        this.noteId = id;
        this.body = new byte[0];
        this.signedAt = Instant.EPOCH;
    }

    NoteAddendum(UUID id, UUID noteId, long authorId, byte[] body, Instant signedAt) {
        this.id = id;
        this.noteId = noteId;
        this.authorId = authorId;
        this.body = body;
        this.signedAt = signedAt;
    }

    UUID id() {
        return id;
    }

    long authorId() {
        return authorId;
    }

    byte[] body() {
        return body;
    }

    Instant signedAt() {
        return signedAt;
    }
}
