package org.casebook.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A third party in the directory; everything but the role is sealed. */
@Entity
@Table(name = "contact")
class Contact {

    @Id
    private UUID id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ContactRole role;

    @Column(nullable = false)
    private byte[] name;

    private byte @Nullable [] organisation;

    private byte @Nullable [] phone;

    private byte @Nullable [] email;

    @Column(nullable = false)
    private long createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected Contact() {
        this.id = new UUID(0, 0);
        this.role = ContactRole.OTHER;
        this.name = new byte[0];
        this.createdAt = Instant.EPOCH;
    }

    Contact(
            UUID id,
            ContactRole role,
            byte[] name,
            byte @Nullable [] organisation,
            byte @Nullable [] phone,
            byte @Nullable [] email,
            long createdBy,
            Instant createdAt) {
        this.id = id;
        this.role = role;
        this.name = name;
        this.organisation = organisation;
        this.phone = phone;
        this.email = email;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    ContactRole role() {
        return role;
    }

    byte[] name() {
        return name;
    }

    byte @Nullable [] organisation() {
        return organisation;
    }

    byte @Nullable [] phone() {
        return phone;
    }

    byte @Nullable [] email() {
        return email;
    }
}
