package org.casebook.contacts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.casebook.client.ClientAccess;
import org.casebook.client.ClientPageSection;
import org.casebook.contacts.ContactKind;
import org.casebook.contacts.ContactService;
import org.casebook.time.CharityClock;
import org.springframework.beans.factory.annotation.Value;

/** On the client page: the third parties around the client, and the contact log (newest first). */
@org.springframework.stereotype.Component
class ContactsOnClientPage implements ClientPageSection {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final ContactService contacts;
    private final CharityClock charity;
    private final ZoneId zone;

    ContactsOnClientPage(ContactService contacts, CharityClock charity, @Value("${casebook.time-zone}") ZoneId zone) {
        this.contacts = contacts;
        this.charity = charity;
        this.zone = zone;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component create(ClientAccess access) {
        var wrapper = new Div();
        var people = new VerticalLayout();
        people.addClassNames("card", "client-contacts");
        people.setSpacing(false);
        var log = new VerticalLayout();
        log.addClassNames("card", "contact-log");
        log.setSpacing(false);
        fillPeople(people, access);
        fillLog(log, access);
        wrapper.add(people, log);
        return wrapper;
    }

    private void fillPeople(VerticalLayout card, ClientAccess access) {
        card.removeAll();
        card.add(new H2("Contacts around the client"));
        var linked = contacts.ofClient(access.code());
        if (linked.isEmpty()) {
            card.add(new Paragraph("No contacts linked."));
        } else {
            var list = new UnorderedList();
            for (var l : linked) {
                var c = l.contact();
                var text = new StringBuilder(c.name())
                        .append(" (")
                        .append(l.relationship())
                        .append(")");
                if (c.organisation() != null) {
                    text.append(", ").append(c.organisation());
                }
                if (c.phone() != null) {
                    text.append(", ").append(c.phone());
                }
                if (c.email() != null) {
                    text.append(", ").append(c.email());
                }
                list.add(new ListItem(text.toString()));
            }
            card.add(list);
        }
        if (!access.isBreakGlass()) {
            var link = new Button(
                    "Link a contact",
                    click -> new LinkContactDialog(contacts, access.code(), () -> fillPeople(card, access)).open());
            link.addThemeVariants(ButtonVariant.LUMO_SMALL);
            card.add(link);
        }
    }

    private void fillLog(VerticalLayout card, ClientAccess access) {
        card.removeAll();
        card.add(new H2("Contact log"));
        var entries = contacts.logOf(access.code());
        if (entries.isEmpty()) {
            card.add(new Paragraph("No contacts logged."));
        } else {
            var list = new UnorderedList();
            for (var e : entries) {
                var how = e.kind() == ContactKind.MISSED
                        ? e.kind().label()
                        : e.kind().label() + " (" + e.direction().label().toLowerCase(Locale.UK) + ")";
                list.add(new ListItem(WHEN.format(e.at().atZone(zone)) + ": " + how + " with " + e.who() + ": "
                        + e.summary() + " (" + e.recordedBy() + ")"));
            }
            card.add(list);
        }
        if (!access.isBreakGlass()) {
            var add = new Button(
                    "Log a contact",
                    click ->
                            new ContactLogDialog(contacts, charity, access.code(), () -> fillLog(card, access)).open());
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            card.add(add);
        }
    }
}
