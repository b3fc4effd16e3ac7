package org.casebook.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A directory entry linked to a client, with the (sealed) relationship. */
@Entity
@Table(name = "client_contact")
class ClientContact {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 12)
    private String clientCode;

    @Column(nullable = false)
    private UUID contactId;

    @Column(nullable = false)
    private byte[] relationship;

    @Column(nullable = false)
    private long linkedBy;

    @Column(nullable = false)
    private Instant linkedAt;

    protected ClientContact() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.clientCode = "";
        this.contactId = id;
        this.relationship = new byte[0];
        this.linkedAt = Instant.EPOCH;
    }

    ClientContact(
            UUID id,
            UUID clientId,
            String clientCode,
            UUID contactId,
            byte[] relationship,
            long linkedBy,
            Instant linkedAt) {
        this.id = id;
        this.clientId = clientId;
        this.clientCode = clientCode;
        this.contactId = contactId;
        this.relationship = relationship;
        this.linkedBy = linkedBy;
        this.linkedAt = linkedAt;
    }

    UUID id() {
        return id;
    }

    UUID contactId() {
        return contactId;
    }

    byte[] relationship() {
        return relationship;
    }
}
