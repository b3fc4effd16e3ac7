package org.casebook.contacts;

import java.util.List;
import java.util.Objects;
import org.casebook.client.CaseHistorySource;
import org.casebook.client.ClientId;
import org.casebook.encryption.FieldEncryption;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contact log in the client's case history: the client service has checked need-to-know and audits the view. */
@Component
class ContactLogHistory implements CaseHistorySource {

    private final ContactLogRepository log;
    private final FieldEncryption encryption;

    ContactLogHistory(ContactLogRepository log, FieldEncryption encryption) {
        this.log = log;
        this.encryption = encryption;
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<Item> historyOf(ClientId client) {
        return log
                .findByClientIdOrderByHappenedAtDesc(client.value(), PageRequest.of(0, ContactService.MAX_LOG))
                .stream()
                .map(e -> new Item(
                        e.happenedAt(),
                        e.kind().label()
                                + (e.kind() == ContactKind.MISSED
                                        ? ""
                                        : " (" + e.direction().label().toLowerCase(java.util.Locale.UK) + ")")
                                + " with " + encryption.open(e.who(), ContactColumns.WHO.forRow(e.id())),
                        e.recordedBy(),
                        Objects.requireNonNull(encryption.open(e.summary(), ContactColumns.SUMMARY.forRow(e.id())))))
                .toList();
    }
}
