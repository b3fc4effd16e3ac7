package org.casebook.admin.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.casebook.security.Role;
import org.casebook.security.StaffAccountSummary;
import org.casebook.security.TeamSummary;
import org.jspecify.annotations.Nullable;

/**
 * Creates an account or edits one's roles and team. Fires {@link SaveEvent} with what was typed and
 * {@link CancelEvent}; the view calls the service, and shows a refusal here with the typed text kept.
 */
class StaffForm extends FormLayout {

    static final String NAME_REQUIRED = "Enter the person's name.";
    static final String USERNAME_REQUIRED = "Enter a username.";
    static final String EMAIL_INVALID = "Enter an email address such as name@example.org.";
    static final String ROLE_REQUIRED = "Choose at least one role.";

    /** What the form edits; the view turns it into a service command. */
    static final class Draft {
        @Nullable
        Long id;

        long version;
        String displayName = "";
        String username = "";
        String email = "";
        Set<Role> roles = EnumSet.noneOf(Role.class);

        @Nullable
        TeamSummary team;

        String getDisplayName() {
            return displayName;
        }

        void setDisplayName(String v) {
            displayName = v;
        }

        String getUsername() {
            return username;
        }

        void setUsername(String v) {
            username = v;
        }

        String getEmail() {
            return email;
        }

        void setEmail(String v) {
            email = v;
        }

        Set<Role> getRoles() {
            return roles;
        }

        void setRoles(Set<Role> v) {
            roles = v.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(v);
        }

        @Nullable
        TeamSummary getTeam() {
            return team;
        }

        void setTeam(@Nullable TeamSummary v) {
            team = v;
        }
    }

    final H2 heading = new H2();
    final TextField displayName = new TextField("Name");
    final TextField username = new TextField("Username");
    final EmailField email = new EmailField("Email");
    final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    final ComboBox<TeamSummary> team = new ComboBox<>("Team");
    final Paragraph problem = new Paragraph();
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");

    final Binder<Draft> binder = new Binder<>();
    private Draft draft = new Draft();

    StaffForm() {
        addClassName("staff-form");
        displayName.setMaxLength(120);
        username.setMaxLength(64);
        email.setMaxLength(254);
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::label);
        team.setItemLabelGenerator(TeamSummary::name);
        team.setClearButtonVisible(true);
        team.setHelperText("Leave empty for no team.");
        problem.addClassName("staff-form-problem");
        problem.setVisible(false);

        binder.forField(displayName)
                .asRequired(NAME_REQUIRED)
                .withValidator(new StringLengthValidator(NAME_REQUIRED, 1, 120))
                .bind(Draft::getDisplayName, Draft::setDisplayName);
        binder.forField(username).asRequired(USERNAME_REQUIRED).bind(Draft::getUsername, Draft::setUsername);
        binder.forField(email)
                .asRequired(EMAIL_INVALID)
                .withValidator(new EmailValidator(EMAIL_INVALID))
                .bind(Draft::getEmail, Draft::setEmail);
        // Required by a validator rather than asRequired: asRequired's marker puts aria-required on the group,
        // which its role does not allow (axe: aria-allowed-attr), so the helper text says it instead.
        binder.forField(roles)
                .withValidator(chosen -> chosen != null && !chosen.isEmpty(), ROLE_REQUIRED)
                .bind(Draft::getRoles, Draft::setRoles);
        roles.setHelperText("At least one.");
        binder.forField(team).bind(Draft::getTeam, Draft::setTeam);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            problem.setVisible(false);
            if (binder.writeBeanIfValid(draft)) {
                fireEvent(new SaveEvent(this, draft));
            }
        });
        cancel.addClickListener(click -> fireEvent(new CancelEvent(this)));
        add(heading, problem, displayName, username, email, roles, team, new HorizontalLayout(save, cancel));
        setColspan(heading, 2);
        setColspan(problem, 2);
    }

    void setTeams(List<TeamSummary> teams) {
        team.setItems(teams);
    }

    /** An empty form for a new account. */
    void startNew() {
        draft = new Draft();
        heading.setText("New account");
        setIdentityEditable(true);
        binder.readBean(draft);
        problem.setVisible(false);
    }

    /** The account's roles and team, to change; name, username and email are shown but kept. */
    void edit(StaffAccountSummary account, List<TeamSummary> teams) {
        draft = new Draft();
        draft.id = account.id();
        draft.version = account.version();
        draft.displayName = account.displayName();
        draft.username = account.username();
        draft.email = account.email();
        draft.setRoles(account.roles());
        draft.team = teams.stream()
                .filter(t -> account.teamId() != null && t.id() == account.teamId())
                .findFirst()
                .orElse(null);
        heading.setText("Edit " + account.displayName());
        setIdentityEditable(false);
        binder.readBean(draft);
        problem.setVisible(false);
    }

    /** Shows a refusal at the field it is about (or above the form), keeping everything typed. */
    void showProblem(String field, String message) {
        switch (field) {
            case "displayName" -> invalid(displayName, message);
            case "username" -> invalid(username, message);
            case "email" -> invalid(email, message);
            case "roles" -> {
                roles.setErrorMessage(message);
                roles.setInvalid(true);
            }
            case "team" -> {
                team.setErrorMessage(message);
                team.setInvalid(true);
            }
            default -> {
                problem.setText(message);
                problem.setVisible(true);
            }
        }
    }

    private static void invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static void invalid(EmailField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void setIdentityEditable(boolean editable) {
        displayName.setReadOnly(!editable);
        username.setReadOnly(!editable);
        email.setReadOnly(!editable);
    }

    abstract static class StaffFormEvent extends ComponentEvent<StaffForm> {
        StaffFormEvent(StaffForm source) {
            super(source, false);
        }
    }

    static final class SaveEvent extends StaffFormEvent {
        private final Draft draft;

        SaveEvent(StaffForm source, Draft draft) {
            super(source);
            this.draft = draft;
        }

        Draft draft() {
            return draft;
        }
    }

    static final class CancelEvent extends StaffFormEvent {
        CancelEvent(StaffForm source) {
            super(source);
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }
}
