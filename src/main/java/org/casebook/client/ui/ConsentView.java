package org.casebook.client.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.ConsentRecords.AgreementText;
import org.casebook.client.ConsentRecords.ConsentOverview;
import org.casebook.client.ConsentRecords.ShareConsentRow;
import org.casebook.client.ConsentService;
import org.casebook.client.HowGiven;
import org.casebook.client.ShareRecipient;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.ui.NoAccess;
import org.casebook.validation.DateRange;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Recording a client's limits-of-confidentiality agreement (which version, when, how) and their separate
 * consents to share with named others, at {@code /consent/{code}}. Other modules send the counsellor here
 * after a client's first attended session.
 */
@Route("consent")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class ConsentView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    final Div content = new Div();
    final ComboBox<AgreementText> version = new ComboBox<>("Version of the agreement");
    final DatePicker agreedOn = new DatePicker("Date agreed");
    final ComboBox<HowGiven> how = new ComboBox<>("How it was given");
    final Button recordAgreement = new Button("Record the agreement");
    final ComboBox<ShareRecipient> recipient = new ComboBox<>("Share with");
    final TextField named = new TextField("Named person or organisation");
    final DatePicker givenOn = new DatePicker("Date given");
    final Button addConsent = new Button("Record consent to share");
    final Div message = new Div();

    private final ConsentService consent;
    private final ClientService clients;
    private final CharityClock charity;
    private String title = "Consent | Casebook";
    private String code = "";

    ConsentView(ConsentService consent, CharityClock charity, ClientService clients) {
        this.clients = clients;
        this.consent = consent;
        this.charity = charity;
        addClassName("consent-view");
        content.setWidthFull();
        add(content);
        version.setItemLabelGenerator(v -> v.label() + " (published " + CaseloadView.DAY.format(v.publishedOn()) + ")");
        how.setItems(HowGiven.values());
        how.setItemLabelGenerator(HowGiven::label);
        recipient.setItems(ShareRecipient.values());
        recipient.setItemLabelGenerator(ShareRecipient::label);
        FieldMessages.limit(named, Text.LINE);
        recordAgreement.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        recordAgreement.addClickListener(c -> record());
        addConsent.addClickListener(c -> addShare());
        message.addClassName("form-error");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        this.code = parameter;
        show();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show() {
        content.removeAll();
        ConsentOverview overview;
        try {
            overview = consent.overview(code);
        } catch (ClientAccessDenied denied) {
            title = NoAccess.TITLE;
            content.add(new NoAccess(ClientAccessDenied.MESSAGE));
            return;
        }
        title = "Consent " + overview.code() + " | Casebook";
        content.add(new ClientHeader(clients.summary(overview.code()), "Consent"), new H1("Consent"));
        message.setVisible(false);
        content.add(message);
        content.add(agreementCard(overview), shareCard(overview));
    }

    private Component agreementCard(ConsentOverview overview) {
        var card = card("Limits-of-confidentiality agreement");
        var latest = overview.latestVersion();
        if (latest == null) {
            card.add(new Paragraph("No version of the agreement has been published yet. A supervisor publishes it "
                    + "under Re-consent."));
            return card;
        }
        var text = new Div(new Span(latest.text()));
        text.addClassName("agreement-text");
        card.add(
                new Paragraph(
                        "Take the client through version " + latest.label()
                                + ": what stays private, and what must be shared (a named child at risk, a court order, a risk to life)."),
                text);
        if (!overview.agreements().isEmpty()) {
            var list = new UnorderedList();
            overview.agreements()
                    .forEach(a -> list.add(new ListItem("Version " + a.versionLabel() + ", "
                            + CaseloadView.DAY.format(a.agreedOn()) + ", "
                            + a.how().label().toLowerCase(java.util.Locale.ROOT)
                            + (a.recordedBy() == null ? "" : ", recorded by " + a.recordedBy())
                            + (a.onLatestVersion() ? "" : " (older version)"))));
            card.add(new Span("Agreed before:"), list);
        }
        version.setItems(consent.versions());
        if (version.getValue() == null) {
            version.setValue(latest);
        }
        if (agreedOn.getValue() == null) {
            agreedOn.setValue(charity.today());
        }
        FieldMessages.limit(agreedOn, DateRange.RECENT_PAST, charity.today());
        var form = new HorizontalLayout(version, agreedOn, how, recordAgreement);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        card.add(form);
        return card;
    }

    private Component shareCard(ConsentOverview overview) {
        var card = card("Consents to share with named others");
        if (overview.shareConsents().isEmpty()) {
            card.add(new Paragraph("No consent to share has been recorded."));
        }
        for (var row : overview.shareConsents()) {
            card.add(shareRow(row));
        }
        if (givenOn.getValue() == null) {
            givenOn.setValue(charity.today());
        }
        FieldMessages.limit(givenOn, DateRange.RECENT_PAST, charity.today());
        var form = new HorizontalLayout(recipient, named, givenOn, addConsent);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        card.add(form);
        return card;
    }

    private Component shareRow(ShareConsentRow row) {
        var line = new HorizontalLayout(new Span(row.recipient().label() + ": " + row.named() + ", given "
                + CaseloadView.DAY.format(row.givenOn())
                + (row.withdrawnOn() == null ? "" : ", withdrawn " + CaseloadView.DAY.format(row.withdrawnOn()))));
        line.addClassName("share-consent");
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (row.isActive()) {
            var withdraw = new Button(
                    "Withdrawn today",
                    c -> act(() -> consent.withdrawShareConsent(code, row.id(), row.version(), charity.today())));
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            line.add(withdraw);
        }
        return line;
    }

    private void record() {
        if (version.getValue() == null || how.getValue() == null || agreedOn.getValue() == null) {
            how.setErrorMessage("Choose the version, the date and how the agreement was given.");
            how.setInvalid(how.getValue() == null);
            showError("Choose the version, the date and how the agreement was given.");
            return;
        }
        if (act(() -> consent.recordAgreement(code, version.getValue().id(), agreedOn.getValue(), how.getValue()))) {
            how.clear();
            org.casebook.ui.Feedback.done("Agreement recorded");
        }
    }

    private void addShare() {
        if (recipient.getValue() == null || givenOn.getValue() == null) {
            recipient.setErrorMessage("Choose whom the client agrees to share with.");
            recipient.setInvalid(recipient.getValue() == null);
            return;
        }
        if (act(() -> consent.addShareConsent(code, recipient.getValue(), named.getValue(), givenOn.getValue()))) {
            org.casebook.ui.Feedback.done("Consent to share recorded");
            recipient.clear();
            named.clear();
        }
    }

    private boolean act(Runnable action) {
        try {
            action.run();
        } catch (ObjectOptimisticLockingFailureException changed) {
            show();
            showError("Someone changed this consent meanwhile; the page now shows the latest.");
            return false;
        } catch (IllegalArgumentException | IllegalStateException | org.casebook.client.BreakGlassReadOnly refused) {
            showError(refused.getMessage());
            return false;
        }
        show();
        return true;
    }

    private void showError(@Nullable String text) {
        message.setText(text == null ? "That did not work." : text);
        message.setVisible(true);
    }

    private static VerticalLayout card(String heading) {
        var card = new VerticalLayout(new H2(heading));
        card.addClassName("card");
        card.setSpacing(false);
        return card;
    }
}
