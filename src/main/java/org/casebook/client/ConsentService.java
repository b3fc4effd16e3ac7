package org.casebook.client;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.ConsentRecords.AgreementGiven;
import org.casebook.client.ConsentRecords.AgreementText;
import org.casebook.client.ConsentRecords.ConsentOverview;
import org.casebook.client.ConsentRecords.ReConsentDue;
import org.casebook.client.ConsentRecords.ShareConsentRow;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limits-of-confidentiality agreement (which version, when, how given), separate consents to share
 * with named others, and the published versions of the agreement text. Need-to-know as for the client page.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ConsentService {

    static final int MAX_NAMED = Text.LINE;
    static final int MAX_TEXT = 8000;

    private final CaseAccessPolicy policy;
    private final AgreementVersionRepository versions;
    private final ClientAgreementRepository agreements;
    private final ShareConsentRepository shares;
    private final FieldEncryption encryption;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    ConsentService(
            CaseAccessPolicy policy,
            AgreementVersionRepository versions,
            ClientAgreementRepository agreements,
            ShareConsentRepository shares,
            FieldEncryption encryption,
            StaffDirectory staff,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.policy = policy;
        this.versions = versions;
        this.agreements = agreements;
        this.shares = shares;
        this.encryption = encryption;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /** The most recently published version of the agreement, if any has been published. */
    @Transactional(readOnly = true)
    public Optional<AgreementText> latestVersion() {
        return versions.findFirstByOrderByPublishedOnDescIdDesc().map(AgreementVersion::toText);
    }

    /** Every published version, newest first. */
    @Transactional(readOnly = true)
    public List<AgreementText> versions() {
        return versions.findAllByOrderByPublishedOnDescIdDesc().stream()
                .map(AgreementVersion::toText)
                .toList();
    }

    /** A client's agreements and consents to share. Audited as a view. */
    public ConsentOverview overview(String code) {
        var access = policy.require(code);
        policy.recordView(
                access,
                AuditEvent.of(AuditAction.VIEW, "consent", access.code()).forClient(access.code()));
        var latest = latestVersion().orElse(null);
        var labels = new java.util.HashMap<Long, String>();
        versions.findAll().forEach(v -> labels.put(v.id(), v.label()));
        var given = agreements.findByClientIdOrderByAgreedOnDescRecordedAtDesc(
                access.id().value());
        var names = staff.displayNames(
                given.stream().map(ClientAgreement::recordedBy).collect(java.util.stream.Collectors.toSet()));
        var rows = given.stream()
                .map(a -> new AgreementGiven(
                        labels.getOrDefault(a.versionId(), "?"),
                        a.agreedOn(),
                        a.how(),
                        names.get(a.recordedBy()),
                        latest != null && latest.id() == a.versionId()))
                .toList();
        var consents = shares.findByClientIdOrderByGivenOnDesc(access.id().value()).stream()
                .map(s -> new ShareConsentRow(
                        s.id(),
                        s.version(),
                        s.recipient(),
                        java.util.Objects.requireNonNullElse(
                                encryption.open(s.named(), ClientColumns.SHARE_NAMED.forRow(s.id())), ""),
                        s.givenOn(),
                        s.withdrawnOn()))
                .toList();
        return new ConsentOverview(access.code(), latest, rows, consents);
    }

    /**
     * Records that the client was taken through this version of the agreement.
     *
     * @throws InvalidFields for an unknown version, or a date in the future or before the version was published
     */
    public void recordAgreement(String code, long versionId, LocalDate agreedOn, HowGiven how) {
        var access = policy.requireChange(code, "client-agreement");
        var version = versions.findById(versionId)
                .orElseThrow(() -> new InvalidFields("version", "Choose a published version of the agreement."));
        notInFuture("agreedOn", agreedOn, "The agreement cannot be dated in the future.");
        if (agreedOn.isBefore(version.publishedOn())) {
            throw new InvalidFields(
                    "agreedOn",
                    "Version " + version.label() + " was published on " + version.publishedOn()
                            + "; the agreement cannot be dated earlier.");
        }
        agreements.save(new ClientAgreement(
                access.id().value(), versionId, agreedOn, how, policy.scope().staffId(), clock.instant()));
        audit.record(AuditEvent.of(AuditAction.CONSENT_RECORDED, "client-agreement", access.code())
                .forClient(access.code())
                .because("version " + version.label()));
    }

    /** Records a consent to share with a named person or organisation. */
    public UUID addShareConsent(String code, ShareRecipient recipient, String named, LocalDate givenOn) {
        var access = policy.requireChange(code, "share-consent");
        var who = Text.required(
                "named", named, MAX_NAMED, "Name the person or organisation the client agrees to share with.");
        notInFuture("givenOn", givenOn, "Consent cannot be dated in the future.");
        var id = UUID.randomUUID();
        shares.save(new ShareConsent(
                id,
                access.id().value(),
                recipient,
                encryption.seal(who, ClientColumns.SHARE_NAMED.forRow(id)),
                givenOn,
                policy.scope().staffId(),
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.CONSENT_RECORDED, "share-consent", id.toString())
                .forClient(access.code())
                .because("given"));
        return id;
    }

    /**
     * Records that the client withdrew a consent to share.
     *
     * @param version the version the person saw, so a change made meanwhile is not overwritten
     */
    public void withdrawShareConsent(String code, UUID consentId, long version, LocalDate withdrawnOn) {
        var access = policy.requireChange(code, "share-consent");
        var consent = shares.findById(consentId)
                .filter(s -> s.clientId().equals(access.id().value()))
                .orElseThrow(() -> new IllegalArgumentException("No such consent for this client."));
        if (consent.version() != version) {
            throw new ObjectOptimisticLockingFailureException(ShareConsent.class, consentId);
        }
        if (consent.withdrawnOn() != null) {
            throw new IllegalStateException("This consent was already withdrawn on " + consent.withdrawnOn() + ".");
        }
        notInFuture("withdrawnOn", withdrawnOn, "A withdrawal cannot be dated in the future.");
        if (withdrawnOn.isBefore(consent.givenOn())) {
            throw new InvalidFields("withdrawnOn", "A withdrawal cannot be dated before the consent was given.");
        }
        consent.withdraw(withdrawnOn);
        audit.record(AuditEvent.of(AuditAction.CONSENT_RECORDED, "share-consent", consentId.toString())
                .forClient(access.code())
                .because("withdrawn"));
    }

    /** Open clients the signed-in person may see whose last agreement is on an older version than the latest. */
    public List<ReConsentDue> needingReConsent() {
        var latest = versions.findFirstByOrderByPublishedOnDescIdDesc();
        if (latest.isEmpty()) {
            return List.of();
        }
        var scope = policy.scope();
        var due = agreements
                .findNeedingReConsent(
                        scope.staffId(), scope.teamsForQuery(), latest.get().id())
                .stream()
                .map(r -> new ReConsentDue((String) r[0], (CaseStatus) r[1], (String) r[2], (LocalDate) r[3]))
                .toList();
        policy.recordListed(
                "re-consent-due", due.stream().map(ReConsentDue::code).toList());
        return due;
    }

    /**
     * Publishes a new version of the agreement text (supervisors). Clients on older versions are then
     * listed for re-consent.
     */
    @RolesAllowed(Roles.SUPERVISOR)
    public AgreementText publishVersion(String label, String text, LocalDate publishedOn) {
        var name = Objects.requireNonNullElse(Text.clean(label), "");
        var body = Objects.requireNonNullElse(Text.clean(text), "");
        if (name.isEmpty() || name.length() > 40) {
            throw new InvalidFields("label", "Give the version a short label (up to 40 characters), e.g. 2026-2.");
        }
        if (body.length() < 50 || body.length() > MAX_TEXT) {
            throw new InvalidFields("text", "The agreement text must be between 50 and " + MAX_TEXT + " characters.");
        }
        if (versions.existsByLabel(name)) {
            throw new InvalidFields("label", "A version labelled " + name + " is already published.");
        }
        notInFuture("publishedOn", publishedOn, "A version cannot be published in the future.");
        var saved = versions.save(
                new AgreementVersion(name, body, publishedOn, policy.scope().staffId(), clock.instant()));
        audit.record(AuditEvent.of(AuditAction.CREATE, "agreement-version", name));
        return saved.toText();
    }

    private void notInFuture(String field, @Nullable LocalDate date, String message) {
        if (date == null) {
            throw new InvalidFields(field, "Give the date.");
        }
        if (date.isAfter(charity.today())) {
            throw new InvalidFields(field, message);
        }
        DateRange.RECENT_PAST.check(field, date, charity.today());
    }
}
