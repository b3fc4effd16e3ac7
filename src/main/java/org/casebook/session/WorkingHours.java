package org.casebook.session;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalTime;

/** One weekday's working hours of one counsellor. */
@Entity
@Table(name = "working_hours")
class WorkingHours {

    @Embeddable
    record Key(
            @Column(name = "staff_id") long staffId,
            @Column(name = "day_of_week") short dayOfWeek) implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "starts_at", nullable = false)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalTime endsAt;

    protected WorkingHours() {
        this.key = new Key(0, (short) 1);
        this.startsAt = LocalTime.MIDNIGHT;
        this.endsAt = LocalTime.NOON;
    }

    WorkingHours(long staffId, int dayOfWeek, LocalTime startsAt, LocalTime endsAt) {
        this.key = new Key(staffId, (short) dayOfWeek);
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    int dayOfWeek() {
        return key.dayOfWeek();
    }

    LocalTime startsAt() {
        return startsAt;
    }

    LocalTime endsAt() {
        return endsAt;
    }
}
