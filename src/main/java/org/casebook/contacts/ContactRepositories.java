package org.casebook.contacts;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, UUID> {

    @Query("select c from Contact c order by c.createdAt desc")
    List<Contact> findNewestFirst(Pageable page);
}

interface ClientContactRepository extends JpaRepository<ClientContact, UUID> {

    List<ClientContact> findByClientIdOrderByLinkedAt(UUID clientId);

    boolean existsByClientIdAndContactId(UUID clientId, UUID contactId);
}

interface ContactLogRepository extends JpaRepository<ContactLogEntry, UUID> {

    List<ContactLogEntry> findByClientIdOrderByHappenedAtDesc(UUID clientId, Pageable page);
}
