package org.casebook.riskplan.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Set;
import org.casebook.client.ClientAccessDenied;
import org.casebook.client.ClientService;
import org.casebook.client.ClientSummary;
import org.casebook.client.ui.ClientHeader;
import org.casebook.riskplan.ConcernCategory;
import org.casebook.riskplan.NewConcern;
import org.casebook.riskplan.SafeguardingService;
import org.casebook.security.Roles;
import org.casebook.time.CharityClock;
import org.casebook.ui.FieldMessages;
import org.casebook.ui.NoAccess;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;

/**
 * Raising a safeguarding concern about a client, at {@code /safeguarding/new/{code}} (optionally
 * {@code ?source=session-note}). It reaches every supervisor's queue as soon as it is saved.
 */
@Route("safeguarding/new")
@RolesAllowed({Roles.COUNSELLOR, Roles.SUPERVISOR})
public class RaiseConcernView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    final TextArea whatWasLearned = new TextArea("What was learned");
    final DatePicker learnedOn = new DatePicker("When it was learned");
    final RadioButtonGroup<ConcernCategory> category = new RadioButtonGroup<>("Category");
    final Checkbox immediate = new Checkbox("A child or adult is in immediate danger");
    final Button raise = new Button("Raise the concern");
    final Div result = new Div();

    private final SafeguardingService safeguarding;
    private final ClientService clients;
    private String code = "";
    private String source = "client-page";
    private String title = "Raise a safeguarding concern | Casebook";

    RaiseConcernView(SafeguardingService safeguarding, ClientService clients, CharityClock charity) {
        this.safeguarding = safeguarding;
        this.clients = clients;
        addClassName("raise-concern-view");
        whatWasLearned.setWidthFull();
        whatWasLearned.setMinHeight("10rem");
        whatWasLearned.setHelperText("Facts as you learned them. Only the people handling the concern can read this.");
        FieldMessages.limit(whatWasLearned, Text.SECTION);
        FieldMessages.limit(learnedOn, DateRange.RECENT_PAST, charity.today());
        learnedOn.setValue(charity.today());
        category.setItems(ConcernCategory.values());
        category.setItemLabelGenerator(ConcernCategory::label);
        immediate.addClassName("immediate-danger");
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        raise.addClickListener(c -> raise());
    }

    @Override
    public void setParameter(BeforeEvent event, String code) {
        var asked = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("source")
                .orElse("client-page");
        source = Set.of("client-page", "session-note", "referral").contains(asked) ? asked : "client-page";
        removeAll();
        ClientSummary client;
        try {
            client = clients.summary(code);
        } catch (ClientAccessDenied denied) {
            title = NoAccess.TITLE;
            add(new NoAccess(ClientAccessDenied.MESSAGE));
            return;
        }
        this.code = client.code();
        title = "Safeguarding concern " + this.code + " | Casebook";
        add(
                new ClientHeader(client, "Raise a concern"),
                new H1("Raise a safeguarding concern about " + this.code),
                new Paragraph("If anyone is in immediate danger, call 999 first. Then record it here: your "
                        + "supervisor and every designated safeguarding lead see it at once."),
                whatWasLearned,
                learnedOn,
                category,
                immediate,
                raise,
                result);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void raise() {
        whatWasLearned.setInvalid(false);
        learnedOn.setInvalid(false);
        category.setInvalid(false);
        if (whatWasLearned.getValue().isBlank()) {
            whatWasLearned.setErrorMessage("Say what was learned.");
            whatWasLearned.setInvalid(true);
            return;
        }
        if (learnedOn.getValue() == null) {
            learnedOn.setErrorMessage("Give the date it was learned.");
            learnedOn.setInvalid(true);
            return;
        }
        if (category.getValue() == null) {
            category.setErrorMessage("Choose a category.");
            category.setInvalid(true);
            return;
        }
        try {
            safeguarding.raise(new NewConcern(
                    code,
                    whatWasLearned.getValue(),
                    learnedOn.getValue(),
                    category.getValue(),
                    immediate.getValue(),
                    source));
        } catch (InvalidFields invalid) {
            FieldMessages.show(
                    invalid, Map.of("whatWasLearned", whatWasLearned, "learnedOn", learnedOn, "category", category));
            return;
        }
        org.casebook.ui.Feedback.done("Concern raised: supervisors see it now");
        getUI().ifPresent(ui -> ui.navigate("client/" + code));
    }
}
