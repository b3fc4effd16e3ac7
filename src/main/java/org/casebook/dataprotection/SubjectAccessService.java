package org.casebook.dataprotection;

import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.casebook.audit.AuditAction;
import org.casebook.audit.AuditEvent;
import org.casebook.audit.AuditLog;
import org.casebook.audit.AuditService;
import org.casebook.client.ClientAccess;
import org.casebook.client.HeldItem;
import org.casebook.client.SubjectAccessSource;
import org.casebook.encryption.FieldEncryption;
import org.casebook.security.CurrentUser;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Roles;
import org.casebook.security.StaffDirectory;
import org.casebook.time.CharityClock;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subject access: a supervisor reviews everything Casebook holds about the client (each module contributes
 * through {@link SubjectAccessSource}), withholds items or passages about other people with a reason, releases
 * safeguarding items only by a deliberate choice (they are left out by default: disclosure may put a child at
 * risk, DPA 2018 Schedule 2 and 3), and, after a fresh re-authentication, produces the export: a PDF and the same
 * content as JSON in one ZIP, with who accessed the record from the audit log. Withheld text is not in either
 * file; the place where something was withheld is marked with the reason. Every step is audited.
 */
@Service
@Transactional
@RolesAllowed(Roles.SUPERVISOR)
public class SubjectAccessService {

    static final String WITHHELD_MARK = "[withheld]";

    private final DataRequestService requests;
    private final List<SubjectAccessSource> sources;
    private final AuditService auditEntries;
    private final ReAuthentication reAuthentication;
    private final NamedParameterJdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final CharityClock charity;

    SubjectAccessService(
            DataRequestService requests,
            List<SubjectAccessSource> sources,
            AuditService auditEntries,
            ReAuthentication reAuthentication,
            NamedParameterJdbcTemplate jdbc,
            FieldEncryption encryption,
            StaffDirectory staff,
            CurrentUser currentUser,
            AuditLog audit,
            Clock clock,
            CharityClock charity) {
        this.requests = requests;
        this.sources = sources.stream()
                .sorted(Comparator.comparingInt(SubjectAccessSource::order))
                .toList();
        this.auditEntries = auditEntries;
        this.reAuthentication = reAuthentication;
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.staff = staff;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.charity = charity;
    }

    /** Everything held about the request's client, with the choices made so far (audited as viewed). */
    public SarReview review(UUID requestId) {
        var request = subjectAccess(requestId);
        var access = requests.requireClient(request);
        audit.record(AuditEvent.of(AuditAction.VIEW, "subject-access-review", requestId.toString())
                .forClient(access.code()));
        return new SarReview(
                requestId,
                access.code(),
                request.receivedOn(),
                request.dueOn(),
                request.done(),
                items(access, requestId));
    }

    /**
     * Withholds an item, or one passage of it (copied exactly from the item), with a reason the export shows.
     *
     * @throws InvalidFields naming {@code reason} or {@code passage}
     */
    public void withhold(UUID requestId, String itemKey, @Nullable String passage, String reason) {
        var why = Text.required(
                "reason", reason, Text.LINE, "Say why this is withheld (for example: about another person).");
        var part = Text.check("passage", passage, Text.PARAGRAPH);
        var request = subjectAccess(requestId);
        var access = requests.requireClient(request);
        var item = item(access, itemKey);
        if (part != null && (item.text() == null || !item.text().contains(part))) {
            throw new InvalidFields(
                    "passage",
                    "That passage is not in this item: copy it exactly, or leave it empty to "
                            + "withhold the whole item.");
        }
        choose(requestId, access, itemKey, true, part, why);
    }

    /** Releases a safeguarding item into the export, with the reason it can safely be disclosed. */
    public void release(UUID requestId, String itemKey, String reason) {
        var why = Text.required("reason", reason, Text.LINE, "Say why disclosing this puts nobody at risk.");
        var request = subjectAccess(requestId);
        var access = requests.requireClient(request);
        if (!item(access, itemKey).safeguarding()) {
            throw new InvalidFields("reason", "Only safeguarding items are left out by default.");
        }
        choose(requestId, access, itemKey, false, null, why);
    }

    /** Takes a choice back. */
    public void undo(UUID requestId, UUID choiceId) {
        var request = subjectAccess(requestId);
        var access = requests.requireClient(request);
        int removed = jdbc.update(
                "delete from sar_choice where id = :id and request_id = :request",
                Map.of("id", choiceId, "request", requestId));
        if (removed == 1) {
            audit.record(AuditEvent.of(AuditAction.DELETE, "subject-access-choice", choiceId.toString())
                    .forClient(access.code()));
        }
    }

    /**
     * Produces the export after a fresh re-authentication: a ZIP with the PDF and the JSON. The first export
     * finishes the request. Audited as an export.
     */
    public SarExport export(UUID requestId) {
        var request = subjectAccess(requestId);
        var access = requests.requireClient(request);
        reAuthentication.requireFreshConfirmation();
        var document = document(access, request, items(access, requestId));
        var pdf = SarPdf.render(document, charity.zone());
        var json = SarJson.render(document);
        var base = "subject-access-" + access.code() + "-" + document.producedOn();
        var zip = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(base + ".pdf"));
            out.write(pdf);
            out.closeEntry();
            out.putNextEntry(new ZipEntry(base + ".json"));
            out.write(json);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!request.done()) {
            requests.finish(requestId, "RELEASED", null);
        }
        long withheld = document.sections().stream()
                .flatMap(s -> s.entries().stream())
                .filter(e -> e.withheld() != null)
                .count();
        audit.record(AuditEvent.of(AuditAction.EXPORT, "subject-access", requestId.toString())
                .forClient(access.code())
                .because(document.sections().stream()
                                .mapToInt(s -> s.entries().size())
                                .sum() + " items, " + withheld + " with something withheld"));
        return new SarExport(base + ".zip", zip.toByteArray());
    }

    private DataRequestRow subjectAccess(UUID requestId) {
        var request = requests.load(requestId);
        if (request.kind() != RequestKind.SUBJECT_ACCESS) {
            requests.requireClient(request);
            throw new InvalidFields("request", "This is not a subject access request.");
        }
        return request;
    }

    private void choose(
            UUID requestId,
            ClientAccess access,
            String itemKey,
            boolean withhold,
            @Nullable String passage,
            String reason) {
        var id = UUID.randomUUID();
        var values = new java.util.HashMap<String, Object>(Map.of(
                "id",
                id,
                "request",
                requestId,
                "key",
                itemKey,
                "kind",
                withhold ? "WITHHOLD" : "RELEASE",
                "reason",
                encryption.seal(reason, DataProtectionColumns.CHOICE_REASON.forRow(id)),
                "by",
                currentUser.require().accountId(),
                "at",
                java.sql.Timestamp.from(clock.instant())));
        values.put(
                "passage",
                passage == null ? null : encryption.seal(passage, DataProtectionColumns.CHOICE_PASSAGE.forRow(id)));
        jdbc.update("""
                insert into sar_choice (id, request_id, item_key, kind, passage, reason, created_by, created_at)
                values (:id, :request, :key, :kind, :passage, :reason, :by, :at)""", values);
        audit.record(AuditEvent.of(AuditAction.UPDATE, "subject-access-choice", id.toString())
                .forClient(access.code())
                .because((withhold ? (passage == null ? "withheld item " : "withheld passage of ") : "released ")
                        + itemKey));
    }

    private HeldItem item(ClientAccess access, String itemKey) {
        return held(access).stream()
                .filter(i -> i.key().equals(itemKey))
                .findFirst()
                .orElseThrow(() -> new InvalidFields("item", "That item is not in this client's records."));
    }

    private List<HeldItem> held(ClientAccess access) {
        var all = new ArrayList<HeldItem>();
        sources.forEach(source -> all.addAll(source.heldAbout(access.id())));
        return all;
    }

    private List<ReviewItem> items(ClientAccess access, UUID requestId) {
        var rows = jdbc.query(
                "select * from sar_choice where request_id = :request order by created_at",
                Map.of("request", requestId),
                (rs, n) -> new Object[] {
                    rs.getObject("id", UUID.class),
                    rs.getString("item_key"),
                    rs.getString("kind"),
                    rs.getBytes("passage"),
                    rs.getBytes("reason"),
                    rs.getLong("created_by")
                });
        var names = staff.displayNames(rows.stream().map(r -> (Long) r[5]).toList());
        var byKey = new LinkedHashMap<String, List<SarChoice>>();
        for (var r : rows) {
            var id = (UUID) r[0];
            var passage = (byte[]) r[3];
            byKey.computeIfAbsent((String) r[1], k -> new ArrayList<>())
                    .add(new SarChoice(
                            id,
                            (String) r[1],
                            "WITHHOLD".equals(r[2]),
                            passage == null
                                    ? null
                                    : encryption.open(passage, DataProtectionColumns.CHOICE_PASSAGE.forRow(id)),
                            String.valueOf(
                                    encryption.open((byte[]) r[4], DataProtectionColumns.CHOICE_REASON.forRow(id))),
                            names.getOrDefault((Long) r[5], "?")));
        }
        return held(access).stream()
                .map(i -> new ReviewItem(i, List.copyOf(byKey.getOrDefault(i.key(), List.of()))))
                .toList();
    }

    private SarDocument document(ClientAccess access, DataRequestRow request, List<ReviewItem> items) {
        var sections = new LinkedHashMap<String, List<SarDocument.Entry>>();
        for (var review : items) {
            var item = review.item();
            if (!review.included()) {
                continue;
            }
            if (review.withheldWhole()) {
                var why = review.choices().stream()
                        .filter(c -> c.withhold() && c.passage() == null)
                        .map(SarChoice::reason)
                        .distinct()
                        .toList();
                sections.computeIfAbsent(item.section(), s -> new ArrayList<>())
                        .add(new SarDocument.Entry(item.label(), null, String.join("; ", why)));
                continue;
            }
            if (item.text() == null) {
                continue;
            }
            var text = item.text();
            var reasons = new ArrayList<String>();
            for (var choice : review.choices()) {
                if (choice.withhold() && choice.passage() != null) {
                    text = text.replace(choice.passage(), WITHHELD_MARK);
                    reasons.add(choice.reason());
                }
            }
            sections.computeIfAbsent(item.section(), s -> new ArrayList<>())
                    .add(new SarDocument.Entry(
                            item.label(),
                            text,
                            reasons.isEmpty()
                                    ? null
                                    : "passages marked " + WITHHELD_MARK + ": "
                                            + String.join(
                                                    "; ",
                                                    reasons.stream().distinct().toList())));
        }
        var accessLog = auditEntries.entriesAboutClient(access.code()).stream()
                .map(e -> new SarDocument.Access(
                        e.occurredAt(),
                        e.actorUsername() == null ? "Casebook" : e.actorUsername(),
                        e.actorRoles() == null ? "" : e.actorRoles(),
                        e.action().label() + (e.recordType() == null ? "" : " (" + e.recordType() + ")"),
                        e.outcome().name()))
                .toList();
        return new SarDocument(
                access.code(),
                request.receivedOn(),
                request.dueOn(),
                charity.today(),
                sections.entrySet().stream()
                        .map(e -> new SarDocument.Section(e.getKey(), List.copyOf(e.getValue())))
                        .toList(),
                accessLog);
    }
}
