package org.casebook.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A published version of the limits-of-confidentiality agreement. Never changed once published. */
@Entity
@Table(name = "agreement_version")
class AgreementVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String label;

    @Column(nullable = false, length = 8000)
    private String text;

    @Column(nullable = false)
    private LocalDate publishedOn;

    private @Nullable Long publishedBy;

    @Column(nullable = false)
    private Instant createdAt;

    protected AgreementVersion() {
        this.label = "";
        this.text = "";
        this.publishedOn = LocalDate.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    AgreementVersion(String label, String text, LocalDate publishedOn, @Nullable Long publishedBy, Instant createdAt) {
        this.label = label;
        this.text = text;
        this.publishedOn = publishedOn;
        this.publishedBy = publishedBy;
        this.createdAt = createdAt;
    }

    long id() {
        return java.util.Objects.requireNonNull(id);
    }

    String label() {
        return label;
    }

    String text() {
        return text;
    }

    LocalDate publishedOn() {
        return publishedOn;
    }

    ConsentRecords.AgreementText toText() {
        return new ConsentRecords.AgreementText(id(), label, publishedOn, text);
    }
}
