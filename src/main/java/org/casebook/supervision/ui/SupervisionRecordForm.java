package org.casebook.supervision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.casebook.security.StaffMember;
import org.casebook.supervision.SupervisionRecordDetails;
import org.casebook.supervision.SupervisionRecordDraft;
import org.casebook.supervision.SupervisionRecords;
import org.casebook.ui.FieldMessages;
import org.casebook.validation.InvalidFields;
import org.casebook.validation.Text;
import org.jspecify.annotations.Nullable;

/**
 * Writes or changes a supervision record (supervisors). Fires save and cancel to its view; refusals are
 * shown at their fields and everything typed stays.
 */
class SupervisionRecordForm extends Div {

    final H2 title = new H2();
    final Paragraph problem = new Paragraph();
    final DatePicker heldOn = new DatePicker("Date of the session");
    final ComboBox<StaffMember> counsellor = new ComboBox<>("Counsellor");
    final MultiSelectComboBox<String> clients = new MultiSelectComboBox<>("Clients discussed");
    final TextArea discussion = new TextArea("Discussion");
    final TextArea agreedActions = new TextArea("Agreed actions");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");

    private final SupervisionRecords records;
    private @Nullable SupervisionRecordDetails editing;
    private Set<String> earlierCodes = Set.of();

    SupervisionRecordForm(SupervisionRecords records, Consumer<SupervisionRecordDetails> onSaved, Runnable onCancel) {
        this.records = records;
        addClassName("supervision-record-form");
        problem.addClassName("form-problem");
        problem.setVisible(false);
        counsellor.setItems(records.counsellors());
        counsellor.setItemLabelGenerator(StaffMember::displayName);
        counsellor.addValueChangeListener(change -> loadClients());
        heldOn.setRequiredIndicatorVisible(true);
        counsellor.setRequiredIndicatorVisible(true);
        clients.setHelperText("Only this counsellor's open cases, by client code.");
        discussion.setRequiredIndicatorVisible(true);
        discussion.setMinHeight("10rem");
        agreedActions.setMinHeight("6rem");
        FieldMessages.limit(discussion, Text.LONG);
        FieldMessages.limit(agreedActions, Text.SECTION);
        var fields = new FormLayout(heldOn, counsellor, clients, discussion, agreedActions);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        fields.setColspan(clients, 2);
        fields.setColspan(discussion, 2);
        fields.setColspan(agreedActions, 2);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save(onSaved));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(click -> onCancel.run());
        add(title, problem, fields, new HorizontalLayout(save, cancel));
    }

    void startNew() {
        editing = null;
        earlierCodes = Set.of();
        title.setText("New supervision record");
        clearProblems();
        heldOn.setValue(null);
        counsellor.setValue(null);
        clients.clear();
        discussion.clear();
        agreedActions.clear();
    }

    void edit(SupervisionRecordDetails record) {
        editing = record;
        earlierCodes = new LinkedHashSet<>(record.clientCodes());
        title.setText("Supervision with " + record.counsellorName());
        clearProblems();
        heldOn.setValue(record.heldOn());
        counsellor.setValue(counsellor
                .getListDataView()
                .getItems()
                .filter(c -> c.id() == record.counsellorId())
                .findFirst()
                .orElse(null));
        loadClients();
        clients.setValue(new LinkedHashSet<>(record.clientCodes()));
        discussion.setValue(record.discussion());
        agreedActions.setValue(record.agreedActions() == null ? "" : record.agreedActions());
    }

    private void loadClients() {
        var chosen = counsellor.getValue();
        var kept = new LinkedHashSet<>(clients.getValue());
        var codes = new ArrayList<String>(chosen == null ? List.of() : records.clientCodesOf(chosen.id()));
        if (editing != null && chosen != null && chosen.id() == editing.counsellorId()) {
            earlierCodes.stream().filter(c -> !codes.contains(c)).forEach(codes::add);
        }
        clients.setItems(codes);
        kept.retainAll(codes);
        clients.setValue(kept);
    }

    private void save(Consumer<SupervisionRecordDetails> onSaved) {
        clearProblems();
        var draft = new SupervisionRecordDraft(
                heldOn.getValue(),
                counsellor.getValue() == null ? null : counsellor.getValue().id(),
                new ArrayList<>(clients.getValue()),
                discussion.getValue(),
                agreedActions.getValue());
        SupervisionRecordDetails saved;
        try {
            saved = editing == null ? records.create(draft) : records.update(editing.id(), editing.version(), draft);
        } catch (InvalidFields refused) {
            FieldMessages.show(
                    refused,
                    Map.of(
                            "heldOn",
                            heldOn,
                            "counsellor",
                            counsellor,
                            "clients",
                            clients,
                            "discussion",
                            discussion,
                            "agreedActions",
                            agreedActions));
            return;
        } catch (org.springframework.orm.ObjectOptimisticLockingFailureException conflict) {
            problem.setText("This record was changed meanwhile, so it was not saved. Your text is still here: "
                    + "copy what you need, then cancel and open the record again.");
            problem.setVisible(true);
            return;
        }
        onSaved.accept(saved);
    }

    private void clearProblems() {
        problem.setVisible(false);
        heldOn.setInvalid(false);
        counsellor.setInvalid(false);
        clients.setInvalid(false);
        discussion.setInvalid(false);
        agreedActions.setInvalid(false);
    }
}
