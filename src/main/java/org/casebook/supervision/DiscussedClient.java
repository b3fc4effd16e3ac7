package org.casebook.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** A client discussed in a supervision session, by id and by code (codes never change). */
@Embeddable
record DiscussedClient(
        @Column(name = "client_id", nullable = false) UUID clientId,

        @Column(name = "client_code", nullable = false, length = 12)
        String clientCode) {}
