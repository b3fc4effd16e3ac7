package org.casebook.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A supervisor's team of counsellors. */
@Entity
@Table(name = "team")
class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supervisor_id")
    private @Nullable StaffAccount supervisor;

    protected Team() {
        this.name = "";
    }

    Team(String name) {
        this.name = name;
    }

    long id() {
        if (id == null) {
            throw new IllegalStateException("team not saved yet");
        }
        return id;
    }

    String name() {
        return name;
    }

    long version() {
        return version;
    }

    @Nullable
    StaffAccount supervisor() {
        return supervisor;
    }

    void rename(String name) {
        this.name = name;
    }

    void ledBy(StaffAccount supervisor) {
        this.supervisor = supervisor;
    }
}
