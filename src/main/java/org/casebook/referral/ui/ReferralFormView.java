package org.casebook.referral.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.casebook.referral.DuplicateCheck;
import org.casebook.referral.NewReferral;
import org.casebook.referral.PossibleDuplicatesFound;
import org.casebook.referral.ReferralChoices.ChildAccess;
import org.casebook.referral.ReferralChoices.Concern;
import org.casebook.referral.ReferralChoices.LegalStatus;
import org.casebook.referral.ReferralChoices.Source;
import org.casebook.referral.ReferralChoices.Urgency;
import org.casebook.referral.ReferralService;
import org.casebook.referral.ReferralViews.ReceivedReferral;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;

/**
 * A new referral. Possible duplicates are shown before anything is saved; the urgent signs (risk of
 * self-harm, a recent arrest, a child at risk) are shown as they are typed. A failed save keeps
 * everything typed and puts each message at its field.
 */
@Route("referral/new")
@PageTitle("New referral | Casebook")
@Menu(order = 20, title = "New referral", icon = "vaadin:plus-circle")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ReferralFormView extends VerticalLayout {

    final ComboBox<Source> source = new ComboBox<>("Source");
    final TextArea referrerContact = new TextArea("Referrer's name and contact");
    final DatePicker receivedOn = new DatePicker("Date received");
    final TextField preferredName = new TextField("Preferred name");
    final TextField yearOfBirth = new TextField("Year of birth");
    final TextField postcodeDistrict = new TextField("Postcode district");
    final TextField phone = new TextField("Phone");
    final EmailField email = new EmailField("Email");
    final TextArea postalAddress = new TextArea("Postal address");
    final Checkbox voicemailOk = new Checkbox("May leave a voicemail");
    final Checkbox textOk = new Checkbox("May send a text");
    final Checkbox letterOk = new Checkbox("May send a letter");
    final Checkbox emailOk = new Checkbox("May send an email");
    final TextField bestTimes = new TextField("Best times to contact");
    final TextArea contactNotes = new TextArea("Other safe-contact instructions");
    final ComboBox<Concern> presentingConcern = new ComboBox<>("Presenting concern");
    final ComboBox<LegalStatus> legalStatus = new ComboBox<>("Legal status");
    final DatePicker arrestedOn = new DatePicker("Date of arrest");
    final ComboBox<ChildAccess> accessToChildren = new ComboBox<>("Current access to children");
    final Checkbox childAtRisk = new Checkbox("An identifiable child may be at risk");
    final TextArea childAtRiskDetails = new TextArea("What was disclosed about the child");
    final Checkbox childInImmediateDanger = new Checkbox("The child is in immediate danger");
    final Checkbox selfHarmRisk = new Checkbox("Risk of self-harm or suicide");
    final ComboBox<Urgency> urgency = new ComboBox<>("Urgency");
    final TextArea summary = new TextArea("Summary");
    final Div urgentNotice = new Div();
    final Div duplicatesPanel = new Div();
    final Div formError = new Div();
    final Button save = new Button("Save referral");
    final Button saveAnyway = new Button("None of these is the same person: save");

    private final ReferralService referrals;
    private final CharityClock charity;
    private final Map<String, HasValidation> fields;

    ReferralFormView(ReferralService referrals, CharityClock charity) {
        this.referrals = referrals;
        this.charity = charity;
        addClassName("referral-form");
        add(new H1("New referral"));
        add(new Paragraph("Names and contact details are encrypted and shown only on the client's own page. "
                + "Everything else in Casebook uses the client code that saving gives."));

        source.setItems(Source.values());
        source.setItemLabelGenerator(Source::label);
        source.addValueChangeListener(
                e -> referrerContact.setVisible(e.getValue() != null && e.getValue() != Source.SELF));
        referrerContact.setVisible(false);
        receivedOn.setValue(charity.today());
        FieldMessages.limit(receivedOn, DateRange.RECENT_PAST, charity.today());
        yearOfBirth.setAllowedCharPattern("[0-9]");
        yearOfBirth.setMaxLength(4);
        postcodeDistrict.setHelperText("First half only, such as LS6: enough for matching, no more.");
        postcodeDistrict.setMaxLength(4);
        presentingConcern.setItems(Concern.values());
        presentingConcern.setItemLabelGenerator(Concern::label);
        legalStatus.setItems(LegalStatus.values());
        legalStatus.setItemLabelGenerator(LegalStatus::label);
        legalStatus.addValueChangeListener(e -> {
            arrestedOn.setVisible(e.getValue() != null && e.getValue().mayHaveArrest());
            showUrgency();
        });
        arrestedOn.setVisible(false);
        FieldMessages.limit(arrestedOn, DateRange.LIFETIME, charity.today());
        arrestedOn.addValueChangeListener(e -> showUrgency());
        accessToChildren.setItems(ChildAccess.values());
        accessToChildren.setItemLabelGenerator(ChildAccess::label);
        childAtRiskDetails.setVisible(false);
        childInImmediateDanger.setVisible(false);
        childAtRisk.addValueChangeListener(e -> {
            childAtRiskDetails.setVisible(e.getValue());
            childInImmediateDanger.setVisible(e.getValue());
            showUrgency();
        });
        selfHarmRisk.addValueChangeListener(e -> showUrgency());
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(Urgency::label);
        urgency.setValue(Urgency.ROUTINE);
        urgency.addValueChangeListener(e -> showUrgency());
        FieldMessages.limit(referrerContact, Text.REASON);
        FieldMessages.limit(preferredName, Text.NAME);
        FieldMessages.limit(postalAddress, Text.REASON);
        FieldMessages.limit(bestTimes, Text.LINE);
        FieldMessages.limit(contactNotes, Text.PARAGRAPH);
        FieldMessages.limit(childAtRiskDetails, Text.SECTION);
        FieldMessages.limit(summary, Text.PARAGRAPH);

        fields = Map.ofEntries(
                Map.entry("source", source),
                Map.entry("referrerContact", referrerContact),
                Map.entry("receivedOn", receivedOn),
                Map.entry("preferredName", preferredName),
                Map.entry("yearOfBirth", yearOfBirth),
                Map.entry("postcodeDistrict", postcodeDistrict),
                Map.entry("phone", phone),
                Map.entry("email", email),
                Map.entry("postalAddress", postalAddress),
                Map.entry("bestTimes", bestTimes),
                Map.entry("contactNotes", contactNotes),
                Map.entry("presentingConcern", presentingConcern),
                Map.entry("legalStatus", legalStatus),
                Map.entry("arrestedOn", arrestedOn),
                Map.entry("accessToChildren", accessToChildren),
                Map.entry("childAtRiskDetails", childAtRiskDetails),
                Map.entry("urgency", urgency),
                Map.entry("summary", summary));

        add(section("The referral", source, referrerContact, receivedOn));
        add(section("The person", preferredName, yearOfBirth, postcodeDistrict));
        var safe = section("How to contact them safely", phone, email, postalAddress, bestTimes, contactNotes);
        safe.add(new HorizontalLayout(voicemailOk, textOk, letterOk, emailOk));
        add(safe);
        add(section(
                "What brings them", presentingConcern, legalStatus, arrestedOn, accessToChildren, urgency, summary));
        var safeguarding =
                section("Safeguarding", selfHarmRisk, childAtRisk, childAtRiskDetails, childInImmediateDanger);
        safeguarding.add(new Paragraph("A child at risk is reported for safeguarding when you save, and shown to "
                + "your team's supervisors at once."));
        add(safeguarding);

        urgentNotice.addClassName("urgent-notice");
        urgentNotice.setVisible(false);
        formError.addClassName("form-error");
        formError.setVisible(false);
        duplicatesPanel.addClassName("possible-duplicates");
        duplicatesPanel.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> submit(false));
        saveAnyway.addClickListener(click -> submit(true));
        add(urgentNotice, duplicatesPanel, formError, save);
    }

    private void submit(boolean duplicatesSeen) {
        clearErrors();
        var referral = read();
        if (referral == null) {
            return;
        }
        try {
            if (!duplicatesSeen) {
                var duplicates = referrals.possibleDuplicates(referral);
                if (!duplicates.isEmpty()) {
                    showDuplicates(duplicates);
                    return;
                }
            }
            saved(referrals.receive(referral, duplicatesSeen));
        } catch (InvalidFields invalid) {
            FieldMessages.show(invalid, fields);
            showFormError("The referral was not saved. Correct the fields marked below; everything you typed is kept.");
        } catch (PossibleDuplicatesFound found) {
            showDuplicates(found.check());
        }
        // Anything else (the database unreachable, a fault) goes to the one error notification, ui.ErrorNotifications.
    }

    private @Nullable NewReferral read() {
        Integer year = null;
        var typedYear = yearOfBirth.getValue().strip();
        if (!typedYear.isEmpty()) {
            try {
                year = Integer.valueOf(typedYear);
            } catch (NumberFormatException notANumber) {
                FieldMessages.show(
                        new InvalidFields("yearOfBirth", "Give the year as four digits, such as 1984."), fields);
                showFormError(
                        "The referral was not saved. Correct the fields marked below; everything you typed is kept.");
                return null;
            }
        }
        return new NewReferral(
                source.getValue(),
                referrerContact.getValue(),
                receivedOn.getValue(),
                preferredName.getValue(),
                year,
                postcodeDistrict.getValue(),
                phone.getValue(),
                email.getValue(),
                postalAddress.getValue(),
                voicemailOk.getValue(),
                textOk.getValue(),
                letterOk.getValue(),
                emailOk.getValue(),
                bestTimes.getValue(),
                contactNotes.getValue(),
                presentingConcern.getValue(),
                legalStatus.getValue(),
                arrestedOn.isVisible() ? arrestedOn.getValue() : null,
                accessToChildren.getValue(),
                childAtRisk.getValue(),
                childAtRiskDetails.getValue(),
                childInImmediateDanger.getValue(),
                selfHarmRisk.getValue(),
                urgency.getValue(),
                summary.getValue());
    }

    private void showDuplicates(DuplicateCheck duplicates) {
        duplicatesPanel.removeAll();
        duplicatesPanel.add(new H2("Possible duplicates: nothing is saved yet"));
        if (!duplicates.visible().isEmpty()) {
            duplicatesPanel.add(new Paragraph("These clients have the same details. If one is the same person, do not "
                    + "save: ask their supervisor instead."));
            var list = new UnorderedList();
            duplicates
                    .visible()
                    .forEach(d -> list.add(new ListItem(d.code() + " ("
                            + d.status().label().toLowerCase(java.util.Locale.ROOT) + "): same " + d.matchedOn())));
            duplicatesPanel.add(list);
        }
        if (duplicates.matchElsewhere()) {
            var elsewhere = new Paragraph(DuplicateCheck.ELSEWHERE);
            elsewhere.addClassName("match-elsewhere");
            duplicatesPanel.add(elsewhere);
        }
        duplicatesPanel.add(saveAnyway);
        duplicatesPanel.setVisible(true);
    }

    private void saved(ReceivedReferral received) {
        removeAll();
        add(new H1("Referral saved"));
        var code = new Span(received.code());
        code.addClassName("new-client-code");
        add(new Paragraph(
                new Span("The client code is "),
                code,
                new Span(". Use it to refer to this person everywhere in Casebook.")));
        if (received.childAtRisk()) {
            add(warning("The child at risk has been reported for safeguarding, and your team's supervisors see this "
                    + "referral on their home page now."));
        }
        if (received.urgent()) {
            add(warning("Urgent: " + received.urgentBecause() + "."));
        }
        add(new Paragraph("Your team's supervisor triages the referral from the waiting list."));
        add(new Button(
                "Take another referral",
                click -> getUI().ifPresent(ui -> ui.getPage().reload())));
    }

    /** The service's urgency rule, applied to what is typed so far. */
    private void showUrgency() {
        var because = referrals.urgentBecause(
                childAtRisk.getValue(),
                selfHarmRisk.getValue(),
                arrestedOn.isVisible() ? arrestedOn.getValue() : null,
                urgency.getValue());
        urgentNotice.removeAll();
        urgentNotice.setVisible(because != null);
        if (because != null) {
            urgentNotice.add(
                    VaadinIcon.WARNING.create(), new Span(" Urgent: " + because + ". Tell your supervisor today."));
        }
    }

    private void clearErrors() {
        fields.values().forEach(f -> f.setInvalid(false));
        formError.setVisible(false);
    }

    private void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    private static Div warning(String text) {
        var div = new Div(VaadinIcon.WARNING.create(), new Span(" " + text));
        div.addClassName("urgent-notice");
        return div;
    }

    private static VerticalLayout section(String heading, Component... components) {
        var form = new FormLayout(components);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        var card = new VerticalLayout(new H2(heading), form);
        card.addClassName("card");
        card.setSpacing(false);
        return card;
    }
}
