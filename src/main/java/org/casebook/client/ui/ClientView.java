package org.casebook.client.ui;

import org.casebook.ui.FieldMessages;
import org.casebook.validation.Text;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import org.casebook.validation.InvalidFields;
import java.util.Map;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import org.casebook.client.CaseHistoryEntry;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ConsentRecords.ConsentOverview;
import org.casebook.client.ConsentService;
import org.springframework.beans.factory.annotation.Value;
import org.casebook.client.ClientDetails;
import org.casebook.client.ClientPageSection;
import org.casebook.client.ClientService;
import org.casebook.client.SafeContact;
import org.casebook.security.ReAuthentication;
import org.casebook.security.Roles;
import org.casebook.security.ui.ReAuthenticationDialog;
import org.jspecify.annotations.Nullable;

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

    ClientView(ClientService clients, ReAuthentication reAuthentication, List<ClientPageSection> sections,
            ConsentService consent, @Value("${casebook.time-zone}") ZoneId zone) {
        this.consent = consent;
        this.zone = zone;
        this.clients = clients;
        this.reAuthentication = reAuthentication;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ClientPageSection::order)).toList();
        addClassName("client-view");
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
    @Nullable ClientDetails details() {
        return details;
    }

    private void show(String code) {
        content.removeAll();
        try {
            details = clients.open(code);
        } catch (ClientAccessDenied denied) {
            details = null;
            showRefusal(code);
            return;
        }
        title = details.code() + " | Casebook";
        content.add(header(details), safeContact(details), caseSummary(details),
                consentSummary(consent.overview(details.code())));
        for (var section : sections) {
            content.add(section.create(details.access()));
        }
        content.add(history(clients.history(details.code())));
    }

    private Component header(ClientDetails client) {
        var heading = new H1(client.code());
        var status = new Span(client.status().label());
        status.getElement().getThemeList().add("badge");
        var header = new HorizontalLayout(heading, status);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        var column = new VerticalLayout(header);
        column.setPadding(false);
        if (client.access().isBreakGlass()) {
            var warning = new Div(VaadinIcon.WARNING.create(), new Span(" You opened this client by break-glass. "
                    + "Your access is recorded, reviewed by a supervisor, and ends within an hour of opening."));
            warning.addClassName("break-glass-warning");
            column.add(warning);
        }
        column.add(new Paragraph(client.preferredName()
                + (client.yearOfBirth() == null ? "" : ", born " + client.yearOfBirth())
                + (client.postcodeDistrict() == null ? "" : ", " + client.postcodeDistrict())));
        return column;
    }

    private Component safeContact(ClientDetails client) {
        var contact = client.contact();
        var card = card("How to contact safely");
        card.addClassName("safe-contact");
        card.add(fact("Voicemail", contact.voicemailOk() ? "May leave a voicemail" : "Do not leave a voicemail"),
                fact("Text messages", contact.textOk() ? "May send a text" : "Do not text"),
                fact("Letters", contact.letterOk() ? "May send a letter" : "Do not send letters"),
                fact("Email", contact.emailOk() ? "May send an email" : "Do not email"));
        card.add(fact("Best times", orNone(contact.bestTimes())), fact("Phone", orNone(contact.phone())),
                fact("Email", orNone(contact.email())), fact("Address", orNone(contact.postalAddress())));
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
    @Nullable Dialog channelsDialog;

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
                clients.changeChannels(code, voicemail.getValue(), text.getValue(), letter.getValue(), email.getValue());
                dialog.close();
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
        card.add(fact("Status", client.status().label()),
                fact("Counsellor", client.counsellor() == null ? "Not assigned" : client.counsellor()),
                fact("Referral received", CaseloadView.DAY.format(client.receivedOn())));
        if (client.priority() != null) {
            card.add(fact("Waiting-list priority", String.valueOf(client.priority())));
        }
        var risk = new HorizontalLayout(new Span("Risk to others:"), CaseloadView.risk(client.risk().toOthers()),
                new Span("Risk to self:"), CaseloadView.risk(client.risk().toSelf()));
        risk.setAlignItems(FlexComponent.Alignment.BASELINE);
        card.add(risk);
        if (client.risk().reviewDue() != null) {
            card.add(fact("Plan review due", CaseloadView.DAY.format(client.risk().reviewDue())));
        }
        if (client.closedOn() != null) {
            card.add(fact("Closed", CaseloadView.DAY.format(client.closedOn()) + " (" + client.closureReason() + ")"));
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
            card.add(fact("Limits of confidentiality", "version " + last.versionLabel() + ", agreed "
                    + CaseloadView.DAY.format(last.agreedOn()) + ", " + last.how().label().toLowerCase(java.util.Locale.ROOT)));
            if (overview.needsReConsent()) {
                var badge = new Span("Re-consent needed: version " + java.util.Objects.requireNonNull(overview.latestVersion()).label()
                        + " is published");
                badge.getElement().getThemeList().add("badge error");
                card.add(badge);
            }
        }
        if (overview.shareConsents().isEmpty()) {
            card.add(fact("Consents to share", "None"));
        } else {
            var list = new UnorderedList();
            overview.shareConsents().forEach(s -> list.add(new ListItem(s.recipient().label() + ": " + s.named() + ", given "
                    + CaseloadView.DAY.format(s.givenOn())
                    + (s.withdrawnOn() == null ? "" : ", withdrawn " + CaseloadView.DAY.format(s.withdrawnOn())))));
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
            var text = new StringBuilder(CaseloadView.WHEN.format(entry.at().atZone(zone))).append(": ").append(entry.what());
            if (entry.counsellor() != null && (entry.what().startsWith("Assigned") || entry.what().startsWith("Reassigned"))) {
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
        title = "No access | Casebook";
        content.add(new H1("No access"), new Paragraph(ClientAccessDenied.MESSAGE),
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
            new ReAuthenticationDialog(reAuthentication,
                    "Break-glass access is recorded and reviewed. Confirm it is you.",
                    () -> openByBreakGlass(code)).open();
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
