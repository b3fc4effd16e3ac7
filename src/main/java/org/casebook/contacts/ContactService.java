package org.casebook.contacts;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.client.CaseAccessPolicy;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.CurrentUser;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts directory, links between contacts and clients, and each client's contact log. The directory
 * is shared by the charity's clinical staff; what links a contact to a client, and the log, follow
 * need-to-know like the rest of the record: read with {@link CaseAccessPolicy#require}, changed with
 * {@link CaseAccessPolicy#requireChange}, every view and change audited.
 */
@Service
@Transactional
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ContactService {

    static final int MAX_DIRECTORY = 500;
    static final int MAX_LOG = 200;
    public static final String NAME_NEEDED = "Enter the contact's name.";
    public static final String ROLE_NEEDED = "Choose what they are to the client's case.";
    public static final String HOW_NEEDED = "Enter a phone number or an email address.";
    public static final String EMAIL_FORM = "Enter an email address such as name@example.org.";
    public static final String PHONE_FORM = "Enter a phone number: digits, spaces, + ( ) and - only.";
    public static final String CONTACT_NEEDED = "Choose a contact from the directory.";
    public static final String RELATIONSHIP_NEEDED = "Say what they are to this client.";
    public static final String ALREADY_LINKED = "This contact is already linked to the client.";
    public static final String WHEN_NEEDED = "Enter when it happened.";
    public static final String NOT_FUTURE = "A contact is logged once it has happened.";
    public static final String KIND_NEEDED = "Choose how the contact was made.";
    public static final String DIRECTION_NEEDED = "Choose whether it came in or went out.";
    public static final String WHO_NEEDED = "Say who it was with.";
    public static final String SUMMARY_NEEDED = "Write a short summary.";
    static final int MAX_SUMMARY = Text.REASON;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{6,30}");

    private final ContactRepository contacts;
    private final ClientContactRepository links;
    private final ContactLogRepository log;
    private final CaseAccessPolicy policy;
    private final CurrentUser currentUser;
    private final StaffDirectory staff;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;
    private final ZoneId zone;

    ContactService(
            ContactRepository contacts,
            ClientContactRepository links,
            ContactLogRepository log,
            CaseAccessPolicy policy,
            CurrentUser currentUser,
            StaffDirectory staff,
            FieldEncryption encryption,
            AuditLog audit,
            Clock clock,
            CharityClock charity,
            @Value("${casebook.time-zone}") ZoneId zone) {
        this.contacts = contacts;
        this.links = links;
        this.log = log;
        this.policy = policy;
        this.currentUser = currentUser;
        this.staff = staff;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
        this.zone = zone;
    }

    /** The directory, by name (at most {@value #MAX_DIRECTORY}): professionals only, no client is named. */
    @Transactional(readOnly = true)
    public List<ContactRow> directory() {
        return contacts.findNewestFirst(PageRequest.of(0, MAX_DIRECTORY)).stream()
                .map(this::row)
                .sorted(java.util.Comparator.comparing(r -> r.name().toLowerCase(Locale.UK)))
                .toList();
    }

    /**
     * Adds a third party to the directory.
     *
     * @throws InvalidFields naming the field ({@code role}, {@code name}, {@code organisation}, {@code phone},
     *     {@code email})
     */
    public ContactRow add(NewContact contact) {
        var errors = new HashMap<String, String>();
        if (contact.role() == null) {
            errors.put("role", ROLE_NEEDED);
        }
        if (Text.isBlank(contact.name())) {
            errors.put("name", NAME_NEEDED);
        }
        problem(errors, "name", Text.lengthProblem(contact.name(), Text.NAME));
        problem(errors, "organisation", Text.lengthProblem(contact.organisation(), Text.LINE));
        var phone = Text.clean(contact.phone());
        var email = Text.clean(contact.email());
        if (phone == null && email == null) {
            errors.put("phone", HOW_NEEDED);
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.put("phone", PHONE_FORM);
        }
        if (email != null
                && (email.length() > Text.LINE || !EMAIL.matcher(email).matches())) {
            errors.put("email", EMAIL_FORM);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        var id = UUID.randomUUID();
        var saved = contacts.save(new Contact(
                id,
                Objects.requireNonNull(contact.role()),
                Objects.requireNonNull(encryption.sealTextAsTyped(
                        Objects.requireNonNull(contact.name()).strip(), ContactColumns.NAME, id)),
                encryption.sealTextAsTyped(Text.clean(contact.organisation()), ContactColumns.ORGANISATION, id),
                encryption.sealTextAsTyped(phone, ContactColumns.PHONE, id),
                encryption.sealTextAsTyped(email, ContactColumns.EMAIL, id),
                currentUser.require().accountId(),
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.CREATE, "contact", id.toString()));
        return row(saved);
    }

    /** The contacts linked to a client, with the relationship. Audited as a view. */
    public List<LinkedContact> ofClient(String clientCode) {
        var client = policy.require(clientCode);
        var found = links.findByClientIdOrderByLinkedAt(client.id().value());
        var byId = new HashMap<UUID, Contact>();
        contacts.findAllById(found.stream().map(ClientContact::contactId).toList())
                .forEach(c -> byId.put(c.id(), c));
        policy.recordView(
                client,
                AuditEvent.of(AuditAction.VIEW, "client-contacts", client.code())
                        .forClient(client.code()));
        return found.stream()
                .filter(l -> byId.containsKey(l.contactId()))
                .map(l -> new LinkedContact(
                        row(byId.get(l.contactId())),
                        Objects.requireNonNull(
                                encryption.openText(l.relationship(), ContactColumns.RELATIONSHIP, l.id()))))
                .toList();
    }

    /**
     * Links a directory entry to a client.
     *
     * @throws InvalidFields naming {@code contact} or {@code relationship}
     */
    public void link(String clientCode, @Nullable UUID contactId, @Nullable String relationship) {
        var client = policy.requireChange(clientCode, "client-contact");
        if (contactId == null || !contacts.existsById(contactId)) {
            throw new InvalidFields("contact", CONTACT_NEEDED);
        }
        var what = Text.required("relationship", relationship, Text.LINE, RELATIONSHIP_NEEDED);
        if (links.existsByClientIdAndContactId(client.id().value(), contactId)) {
            throw new InvalidFields("contact", ALREADY_LINKED);
        }
        var id = UUID.randomUUID();
        links.save(new ClientContact(
                id,
                client.id().value(),
                client.code(),
                contactId,
                Objects.requireNonNull(encryption.sealTextAsTyped(what, ContactColumns.RELATIONSHIP, id)),
                currentUser.require().accountId(),
                clock.instant()));
        audit.record(AuditEvent.of(AuditAction.CREATE, "client-contact", id.toString())
                .forClient(client.code()));
    }

    /** A client's contact log, newest first (at most {@value #MAX_LOG}). Audited as a view. */
    public List<LogEntry> logOf(String clientCode) {
        var client = policy.require(clientCode);
        var found = log.findByClientIdOrderByHappenedAtDesc(client.id().value(), PageRequest.of(0, MAX_LOG));
        var names = staff.displayNames(
                found.stream().map(ContactLogEntry::recordedBy).toList());
        policy.recordView(
                client,
                AuditEvent.of(AuditAction.VIEW, "contact-log", client.code()).forClient(client.code()));
        return found.stream()
                .map(e -> new LogEntry(
                        e.id(),
                        e.happenedAt(),
                        e.kind(),
                        e.direction(),
                        Objects.requireNonNull(encryption.openText(e.who(), ContactColumns.WHO, e.id())),
                        Objects.requireNonNull(encryption.openText(e.summary(), ContactColumns.SUMMARY, e.id())),
                        names.getOrDefault(e.recordedBy(), "?")))
                .toList();
    }

    /**
     * Logs a call, text, email, letter or missed contact with or about a client.
     *
     * @throws InvalidFields naming the field ({@code at}, {@code kind}, {@code direction}, {@code who},
     *     {@code summary})
     */
    public LogEntry log(String clientCode, NewLogEntry entry) {
        var client = policy.requireChange(clientCode, "contact-log");
        var errors = new HashMap<String, String>();
        if (entry.at() == null) {
            errors.put("at", WHEN_NEEDED);
        } else if (entry.at().atZone(zone).toInstant().isAfter(clock.instant())) {
            errors.put("at", NOT_FUTURE);
        } else {
            problem(errors, "at", DateRange.RECENT_PAST.problem(entry.at().toLocalDate(), charity.today()));
        }
        if (entry.kind() == null) {
            errors.put("kind", KIND_NEEDED);
        }
        if (entry.direction() == null) {
            errors.put("direction", DIRECTION_NEEDED);
        }
        if (Text.isBlank(entry.who())) {
            errors.put("who", WHO_NEEDED);
        }
        problem(errors, "who", Text.lengthProblem(entry.who(), Text.NAME));
        if (Text.isBlank(entry.summary())) {
            errors.put("summary", SUMMARY_NEEDED);
        }
        problem(errors, "summary", Text.lengthProblem(entry.summary(), MAX_SUMMARY));
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        var id = UUID.randomUUID();
        var me = currentUser.require();
        var saved = log.save(new ContactLogEntry(
                id,
                client.id().value(),
                client.code(),
                Objects.requireNonNull(entry.at()).atZone(zone).toInstant(),
                Objects.requireNonNull(entry.kind()),
                Objects.requireNonNull(entry.direction()),
                Objects.requireNonNull(encryption.sealTextAsTyped(
                        Objects.requireNonNull(entry.who()).strip(), ContactColumns.WHO, id)),
                Objects.requireNonNull(encryption.sealTextAsTyped(
                        Objects.requireNonNull(entry.summary()).strip(), ContactColumns.SUMMARY, id)),
                me.accountId(),
                clock.instant()));
        audit.record(
                AuditEvent.of(AuditAction.CREATE, "contact-log", id.toString()).forClient(client.code()));
        return new LogEntry(
                id,
                saved.happenedAt(),
                saved.kind(),
                saved.direction(),
                entry.who().strip(),
                entry.summary().strip(),
                me.displayName());
    }

    private static void problem(Map<String, String> errors, String field, @Nullable String problem) {
        if (problem != null) {
            errors.putIfAbsent(field, problem);
        }
    }

    private ContactRow row(Contact c) {
        return new ContactRow(
                c.id(),
                c.role(),
                Objects.requireNonNull(encryption.openText(c.name(), ContactColumns.NAME, c.id())),
                encryption.openText(c.organisation(), ContactColumns.ORGANISATION, c.id()),
                encryption.openText(c.phone(), ContactColumns.PHONE, c.id()),
                encryption.openText(c.email(), ContactColumns.EMAIL, c.id()));
    }
}
