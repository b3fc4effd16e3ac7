package org.casebook.client.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.casebook.client.CaseHistoryEntry;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientDetails;
import org.casebook.client.ClientPageAction;
import org.casebook.client.ClientPageSection;
import org.casebook.client.ClientService;
import org.casebook.client.ClientSummary;
import org.casebook.client.ConsentRecords.ConsentOverview;
import org.casebook.client.ConsentService;
import org.casebook.client.SafeContact;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Roles;
import org.casebook.security.ui.ReAuthenticationDialog;
import org.casebook.ui.Dates;
import org.casebook.ui.FieldMessages;
import org.casebook.ui.NoAccess;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * One client's page, at {@code /client/{code}}: how they may safely be contacted comes first, then the
 * case, then what other modules contribute. Opening it is audited; a person outside need-to-know is
 * refused (and that is audited too) and may use break-glass in an emergency.
 */
@Route("client")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ClientView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    final Div content = new Div();
    final Button breakGlass = new Button("Open in an emergency (break-glass)", VaadinIcon.UNLOCK.create());
    final TextArea breakGlassReason = new TextArea("Why do you need to open this client now?");

    private final ClientService clients;
    private final ReAuthentication reAuthentication;
    private final List<ClientPageSection> sections;
    private final ConsentService consent;
    private final ZoneId zone;
    private String title = "Client | Casebook";
    private @Nullable ClientDetails details;
    private @Nullable ClientSummary summary;
    final HorizontalLayout actions = new HorizontalLayout();
    final Button book = new Button("Book a session", VaadinIcon.CALENDAR.create());
    final Button writeNote = new Button("Write a note", VaadinIcon.EDIT.create());
    final Button openPlan = new Button("Open the plan", VaadinIcon.CLIPBOARD_TEXT.create());
    final Button raiseConcern = new Button("Raise a concern", VaadinIcon.EXCLAMATION_CIRCLE.create());
    final MenuBar moreMenu = new MenuBar();

    ClientView(
            ClientService clients,
            ReAuthentication reAuthentication,
            List<ClientPageSection> sections,
            ConsentService consent,
            @Value("${casebook.time-zone}") ZoneId zone) {
        this.consent = consent;
        this.zone = zone;
        this.clients = clients;
        this.reAuthentication = reAuthentication;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(ClientPageSection::order))
                .toList();
        addClassName("client-view");
        actions.addClassName("client-actions");
        actions.setWrap(true);
        moreMenu.addClassName("client-more");
        book.addClickListener(c -> go("sessions/"));
        writeNote.addClickListener(c -> {
            if (summary != null && summary.noteToWrite() != null) {
                getUI().ifPresent(ui -> ui.navigate(java.util.Objects.requireNonNull(summary.noteToWrite())));
            }
        });
        openPlan.addClickListener(c -> go("plan/"));
        raiseConcern.addThemeVariants(ButtonVariant.LUMO_ERROR);
        raiseConcern.addClickListener(c -> go("safeguarding/new/"));
        content.setWidthFull();
        add(content);
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        show(code);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** The client now shown, if the person was let in. */
    @Nullable
    ClientDetails details() {
        return details;
    }

    /** The header's summary of the client now shown, if the person was let in. */
    @Nullable
    ClientSummary summary() {
        return summary;
    }

    private void show(String code) {
        content.removeAll();
        actions.removeAll();
        try {
            // One transaction, one need-to-know decision, one audit entry for everything the page shows.
            clients.page(code, access -> {
                build(clients.open(code), clients.summary(code));
                return access;
            });
        } catch (ClientAccessDenied denied) {
            details = null;
            summary = null;
            showRefusal(code);
        }
    }

    private void build(ClientDetails client, ClientSummary header) {
        details = client;
        summary = header;
        title = client.code() + " | Casebook";
        var created = sections.stream()
                .map(section -> section.create(client.access()))
                .toList();
        content.add(new ClientHeader(header, null), actionBar(client, header, created));
        // What matters first: a section that says it is urgent (a concern in immediate danger) leads.
        created.stream().filter(ClientView::urgent).forEach(content::add);
        content.add(safeContact(client), caseSummary(client), consentSummary(consent.overview(client.code())));
        created.stream().filter(c -> !urgent(c)).forEach(content::add);
        content.add(history(clients.history(client.code())));
    }

    private void go(String route) {
        if (details != null) {
            var code = details.code();
            getUI().ifPresent(ui -> ui.navigate(route + code));
        }
    }

    private static boolean urgent(Component section) {
        return section instanceof ClientPageAction.Urgent u && u.urgent();
    }

    /**
     * The everyday actions, one click each; the rare or final ones (closing, exclusions) under "More". Under
     * break-glass or on a closed case only what reading allows.
     */
    private Component actionBar(ClientDetails client, ClientSummary header, List<Component> created) {
        var writable = !client.access().isBreakGlass() && client.status().isOpen();
        if (writable) {
            actions.add(book);
            if (header.noteToWrite() != null) {
                actions.add(writeNote);
            }
        }
        actions.add(openPlan, raiseConcern);
        var more = created.stream()
                .filter(ClientPageAction.Offered.class::isInstance)
                .flatMap(c -> ((ClientPageAction.Offered) c).moreActions().stream())
                .toList();
        moreMenu.removeAll();
        if (!more.isEmpty()) {
            var item = moreMenu.addItem("More");
            item.getElement().setAttribute("aria-label", "More actions");
            more.forEach(action -> item.getSubMenu()
                    .addItem(action.label(), click -> action.run().run()));
            moreMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
            actions.add(moreMenu);
        }
        return actions;
    }

    private Component safeContact(ClientDetails client) {
        var contact = client.contact();
        var card = card("How to contact safely");
        card.addClassName("safe-contact");
        card.add(
                fact("Voicemail", contact.voicemailOk() ? "May leave a voicemail" : "Do not leave a voicemail"),
                fact("Text messages", contact.textOk() ? "May send a text" : "Do not text"),
                fact("Letters", contact.letterOk() ? "May send a letter" : "Do not send letters"),
                fact("Email", contact.emailOk() ? "May send an email" : "Do not email"));
        card.add(
                fact("Best times", orNone(contact.bestTimes())),
                fact("Phone", orNone(contact.phone())),
                fact("Email", orNone(contact.email())),
                fact("Address", orNone(contact.postalAddress())));
        if (contact.notes() != null) {
            card.add(fact("Notes", contact.notes()));
        }
        if (!client.access().isBreakGlass()) {
            var change = new Button("Change safe channels", click -> askChannels(client.code(), contact));
            change.addThemeVariants(ButtonVariant.LUMO_SMALL);
            change.addClassName("change-channels");
            card.add(change);
        }
        return card;
    }

    /** The open safe-channels dialog, for tests. */
    @Nullable
    Dialog channelsDialog;

    private void askChannels(String code, SafeContact contact) {
        var dialog = new Dialog();
        channelsDialog = dialog;
        dialog.setHeaderTitle("How may " + code + " be contacted?");
        var voicemail = new Checkbox("May leave a voicemail", contact.voicemailOk());
        var text = new Checkbox("May send a text", contact.textOk());
        var letter = new Checkbox("May send a letter", contact.letterOk());
        var email = new Checkbox("May send an email", contact.emailOk());
        var boxes = Map.of("voicemailOk", voicemail, "textOk", text, "letterOk", letter, "emailOk", email);
        var help = new Paragraph("Allow only what the client has agreed is safe. Appointment reminders go only by "
                + "email or text, and only where allowed here; an address on file is not permission.");
        var message = new Div();
        message.addClassName("form-error");
        var save = new Button("Save", click -> {
            boxes.values().forEach(box -> box.setInvalid(false));
            try {
                clients.changeChannels(
                        code, voicemail.getValue(), text.getValue(), letter.getValue(), email.getValue());
                dialog.close();
                org.casebook.ui.Feedback.done("Safe channels saved for " + code);
                show(code);
            } catch (InvalidFields invalid) {
                invalid.fieldErrors().forEach((field, error) -> {
                    var box = boxes.get(field);
                    if (box != null) {
                        box.setErrorMessage(error);
                        box.setInvalid(true);
                    }
                });
                message.setText(invalid.getMessage());
            } catch (org.springframework.security.access.AccessDeniedException refused) {
                message.setText(refused.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(help, new VerticalLayout(voicemail, text, letter, email), message);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private Component caseSummary(ClientDetails client) {
        var card = card("Case");
        card.add(
                fact("Status", client.status().label()),
                fact("Counsellor", client.counsellor() == null ? "Not assigned" : client.counsellor()),
                fact("Referral received", Dates.DAY.format(client.receivedOn())));
        if (client.priority() != null) {
            card.add(fact("Waiting-list priority", String.valueOf(client.priority())));
        }
        if (client.risk().reviewDue() != null) {
            card.add(fact("Plan review due", Dates.DAY.format(client.risk().reviewDue())));
        }
        if (client.closedOn() != null) {
            card.add(fact("Closed", Dates.DAY.format(client.closedOn()) + " (" + client.closureReason() + ")"));
            card.add(fact("Closing summary", orNone(client.closingSummary())));
        }
        return card;
    }

    private Component consentSummary(ConsentOverview overview) {
        var card = card("Consent");
        card.addClassName("consent-summary");
        if (overview.neverAgreed()) {
            card.add(new Paragraph("The limits-of-confidentiality agreement has not been recorded yet."));
        } else {
            var last = overview.agreements().getFirst();
            card.add(fact(
                    "Limits of confidentiality",
                    "version " + last.versionLabel() + ", agreed " + Dates.DAY.format(last.agreedOn()) + ", "
                            + last.how().label().toLowerCase(java.util.Locale.ROOT)));
            if (overview.needsReConsent()) {
                var badge = new Span("Re-consent needed: version "
                        + java.util.Objects.requireNonNull(overview.latestVersion())
                                .label() + " is published");
                badge.getElement().getThemeList().add("badge error");
                card.add(badge);
            }
        }
        if (overview.shareConsents().isEmpty()) {
            card.add(fact("Consents to share", "None"));
        } else {
            var list = new UnorderedList();
            overview.shareConsents()
                    .forEach(s -> list.add(new ListItem(s.recipient().label() + ": " + s.named() + ", given "
                            + Dates.DAY.format(s.givenOn())
                            + (s.withdrawnOn() == null ? "" : ", withdrawn " + Dates.DAY.format(s.withdrawnOn())))));
            card.add(new Span("Consents to share:"), list);
        }
        card.add(new Anchor("consent/" + overview.code(), "Record agreement or consent"));
        return card;
    }

    private Component history(List<CaseHistoryEntry> entries) {
        var card = card("History of the case");
        card.addClassName("case-history");
        var list = new UnorderedList();
        for (var entry : entries) {
            var text = new StringBuilder(Dates.WHEN.format(entry.at().atZone(zone)))
                    .append(": ")
                    .append(entry.what());
            if (entry.counsellor() != null
                    && (entry.what().startsWith("Assigned") || entry.what().startsWith("Reassigned"))) {
                text.append(" to ").append(entry.counsellor());
            }
            if (entry.by() != null) {
                text.append(", by ").append(entry.by());
            }
            if (entry.reason() != null) {
                text.append(" (").append(entry.reason()).append(")");
            }
            list.add(new ListItem(text.toString()));
        }
        card.add(list);
        return card;
    }

    private void showRefusal(String code) {
        title = NoAccess.TITLE;
        content.add(
                new NoAccess(ClientAccessDenied.MESSAGE),
                new Paragraph("If a client is at risk and you must open their record now, you can break the glass: "
                        + "you give a reason and confirm it is you, and a supervisor reviews your access."));
        breakGlass.addThemeVariants(ButtonVariant.LUMO_ERROR);
        breakGlass.addClickListener(click -> askReason(code));
        content.add(breakGlass);
    }

    private void askReason(String code) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Break-glass access");
        breakGlassReason.setWidthFull();
        breakGlassReason.setMinLength(10);
        FieldMessages.limit(breakGlassReason, Text.REASON);
        breakGlassReason.setHelperText("Recorded in the audit log and reviewed by a supervisor.");
        var next = new Button("Continue", c -> {
            if (breakGlassReason.getValue().strip().length() < 10) {
                breakGlassReason.setErrorMessage("Give a reason of at least 10 characters.");
                breakGlassReason.setInvalid(true);
                return;
            }
            breakGlassReason.setInvalid(false);
            dialog.close();
            new ReAuthenticationDialog(
                            reAuthentication,
                            "Break-glass access is recorded and reviewed. Confirm it is you.",
                            () -> openByBreakGlass(code))
                    .open();
        });
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(breakGlassReason);
        dialog.getFooter().add(new Button("Cancel", c -> dialog.close()), next);
        dialog.open();
    }

    private void openByBreakGlass(String code) {
        try {
            clients.breakGlass(code, breakGlassReason.getValue());
        } catch (ClientAccessDenied | IllegalArgumentException refused) {
            content.add(new Paragraph(refused.getMessage()));
            return;
        }
        show(code);
    }

    private static VerticalLayout card(String heading) {
        var card = new VerticalLayout(new H2(heading));
        card.addClassName("card");
        card.setSpacing(false);
        return card;
    }

    private static Component fact(String label, String value) {
        var term = new Span(label + ": ");
        term.addClassName("fact-label");
        return new Div(term, new Span(value));
    }

    private static String orNone(@Nullable String value) {
        return value == null ? "Not given" : value;
    }
}
