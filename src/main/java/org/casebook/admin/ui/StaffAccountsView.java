package org.casebook.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.casebook.security.AccountChangeRefused;
import org.casebook.security.AccountService;
import org.casebook.security.NewStaffAccount;
import org.casebook.security.Role;
import org.casebook.security.Roles;
import org.casebook.security.StaffAccountSummary;
import org.casebook.security.StaffAdministration;
import org.casebook.security.StaffMember;
import org.casebook.security.TeamSummary;
import org.casebook.ui.Feedback;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;

/** Administrators manage staff accounts and teams here. */
@Route("admin/staff")
@PageTitle("Staff accounts | Casebook")
@Menu(order = 80, title = "Staff accounts", icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class StaffAccountsView extends VerticalLayout {

    static final String TWO_FACTOR_RESET = "Two-factor sign-in is reset. Give this password to them in person: it "
            + "is shown only this once. At their next sign-in they set up their authenticator app again (QR code), "
            + "then choose their own password.";
    static final String ONE_TIME_PASSWORD = "Give it to them in person: it is shown only this once. They choose "
            + "their own password at their first sign-in.";

    final TextField search = new TextField();
    final Button newAccount = new Button("New account");
    final Grid<StaffAccountSummary> grid = new Grid<>();
    final StaffForm form = new StaffForm();
    final Button deactivate = new Button("Deactivate");
    final Button reactivate = new Button("Reactivate");
    final Button resetPassword = new Button("Reset password");
    final Button unlock = new Button("Unlock");
    final Button resetTwoFactor = new Button("Reset two-factor");
    final Paragraph message = new Paragraph();
    final OneTimePasswordBox oneTimePassword = new OneTimePasswordBox();

    final Grid<TeamSummary> teams = new Grid<>();
    final ComboBox<StaffMember> supervisor = new ComboBox<>("Supervisor");
    final Button setSupervisor = new Button("Set supervisor");
    final TextField teamName = new TextField("Team name");
    final Button createTeam = new Button("New team");
    final Button renameTeam = new Button("Rename team");

    private final StaffAdministration administration;
    private final AccountService accountService;
    private @Nullable StaffAccountSummary selected;

    StaffAccountsView(StaffAdministration administration, AccountService accountService) {
        this.administration = administration;
        this.accountService = accountService;
        addClassName("staff-accounts-view");

        search.setPlaceholder("Search by name or username");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        newAccount.addClickListener(click -> startNew());

        grid.addColumn(StaffAccountSummary::displayName).setHeader("Name");
        grid.addColumn(StaffAccountSummary::username).setHeader("Username");
        grid.addColumn(StaffAccountSummary::roleLabels).setHeader("Roles");
        grid.addColumn(a -> a.teamName() == null ? "" : a.teamName()).setHeader("Team");
        grid.addColumn(a -> a.active() ? "Active" : "Deactivated").setHeader("Active");
        grid.addColumn(a -> a.locked() ? "Locked" : "").setHeader("Locked");
        grid.setItemsPageable(
                pageable -> administration.accounts(search.getValue(), pageable).getContent());
        grid.asSingleSelect().addValueChangeListener(change -> select(change.getValue()));

        message.addClassName("staff-accounts-message");
        message.setVisible(false);
        deactivate.addClickListener(click -> confirmFor(
                "Deactivate %s?",
                "%s can no longer sign in, and their open "
                        + "sessions end. Their records stay. You can reactivate the account later.",
                "Deactivate the account",
                account -> act(
                        () -> administration.deactivate(account.id()),
                        "Account deactivated: " + account.displayName())));
        reactivate.addClickListener(
                click -> act(() -> administration.reactivate(selectedId()), "Account reactivated: " + selectedName()));
        unlock.addClickListener(
                click -> act(() -> accountService.unlock(selectedId()), "Account unlocked: " + selectedName()));
        resetPassword.addClickListener(click -> confirmFor(
                "Reset the password of %s?",
                "%s's password stops working " + "at once. You will see a one-time password to give them in person.",
                "Reset the password",
                this::resetPassword));

        resetTwoFactor.setTooltipText("For a lost or replaced phone: forgets the authenticator app and recovery "
                + "codes, ends their sessions and sets a one-time password");
        resetTwoFactor.addClickListener(click -> confirmFor(
                "Reset two-factor sign-in of %s?",
                "%s's authenticator app "
                        + "and recovery codes stop working, their sessions end, and their password is replaced by a one-time "
                        + "password. They set up the app again at their next sign-in.",
                "Reset two-factor sign-in",
                account -> resetTwoFactor()));

        form.setVisible(false);
        form.addSaveListener(save -> save(save.draft()));
        form.addCancelListener(cancel -> closeForm());

        teams.addColumn(TeamSummary::name).setHeader("Team");
        teams.addColumn(t -> t.supervisorName() == null ? "" : t.supervisorName())
                .setHeader("Supervisor");
        teams.setAllRowsVisible(true);
        supervisor.setItemLabelGenerator(StaffMember::displayName);
        setSupervisor.addClickListener(click -> setSupervisor());
        teams.asSingleSelect().addValueChangeListener(change -> selectTeam(change.getValue()));
        teamName.setMaxLength(100);
        teamName.setClearButtonVisible(true);
        teamName.setHelperText("Type a name for a new team, or select a team to rename it.");
        createTeam.addClickListener(click -> createTeam());
        renameTeam.addClickListener(click -> renameTeam());

        add(
                new H1("Staff accounts"),
                new HorizontalLayout(search, newAccount),
                oneTimePassword,
                message,
                grid,
                wrapping(deactivate, reactivate, resetPassword, unlock, resetTwoFactor),
                form,
                new H2("Teams"),
                teams,
                fieldRow(supervisor, setSupervisor),
                fieldRow(teamName, createTeam, renameTeam));
        select(null);
        loadTeams();
    }

    /** A row of buttons that wraps on a narrow screen. */
    private static HorizontalLayout wrapping(com.vaadin.flow.component.Component... components) {
        var row = new HorizontalLayout(components);
        row.setWrap(true);
        return row;
    }

    /** A field with its buttons, the buttons level with the input rather than its label. */
    private static HorizontalLayout fieldRow(com.vaadin.flow.component.Component... components) {
        var row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private void startNew() {
        grid.asSingleSelect().clear();
        form.setTeams(administration.teams());
        form.startNew();
        form.setVisible(true);
    }

    private void select(@Nullable StaffAccountSummary account) {
        selected = account;
        deactivate.setEnabled(account != null && account.active());
        reactivate.setEnabled(account != null && !account.active());
        resetPassword.setEnabled(account != null);
        unlock.setEnabled(account != null && account.locked());
        resetTwoFactor.setEnabled(account != null);
        if (account == null) {
            form.setVisible(false);
            return;
        }
        var allTeams = administration.teams();
        form.setTeams(allTeams);
        form.edit(administration.account(account.id()), allTeams);
        form.setVisible(true);
    }

    private void save(StaffForm.Draft draft) {
        var teamId = draft.team == null ? null : draft.team.id();
        try {
            if (draft.id == null) {
                var created = administration.create(
                        new NewStaffAccount(draft.displayName, draft.username, draft.email, draft.roles, teamId));
                oneTimePassword.show(created.username(), created.temporaryPassword(), ONE_TIME_PASSWORD);
                Feedback.done("Account created: " + created.username());
            } else {
                administration.update(draft.id, draft.version, draft.roles, teamId);
                Feedback.done("Account saved: " + draft.displayName);
            }
        } catch (AccountChangeRefused refused) {
            form.showProblem(refused.field(), refused.getMessage());
            return;
        } catch (OptimisticLockingFailureException conflict) {
            form.showProblem("form", StaffAdministration.CONCURRENT_EDIT);
            return;
        }
        closeForm();
        refresh();
        loadTeams();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            message.setVisible(false);
            Feedback.done(done);
        } catch (AccountChangeRefused refused) {
            show(refused.getMessage());
        }
        closeForm();
        refresh();
    }

    private void setSupervisor() {
        var team = teams.asSingleSelect().getValue();
        var person = supervisor.getValue();
        if (team == null || person == null) {
            supervisor.setErrorMessage("Choose a team and a supervisor.");
            supervisor.setInvalid(true);
            return;
        }
        try {
            administration.setSupervisor(team.id(), person.id());
            supervisor.setInvalid(false);
            show(person.displayName() + " now leads " + team.name() + ".");
        } catch (AccountChangeRefused refused) {
            supervisor.setErrorMessage(refused.getMessage());
            supervisor.setInvalid(true);
        }
        loadTeams();
    }

    private void resetTwoFactor() {
        var account = selected;
        if (account == null) {
            return;
        }
        try {
            var password = administration.resetTwoFactor(account.id());
            oneTimePassword.show(account.username(), password, TWO_FACTOR_RESET);
            Feedback.done("Two-factor sign-in reset: " + account.displayName());
        } catch (AccountChangeRefused refused) {
            show(refused.getMessage());
        }
        closeForm();
        refresh();
    }

    private void selectTeam(@Nullable TeamSummary team) {
        setSupervisor.setEnabled(team != null);
        renameTeam.setEnabled(team != null);
        teamName.setInvalid(false);
        if (team != null) {
            teamName.setValue(team.name());
        }
    }

    private void createTeam() {
        try {
            var created = administration.createTeam(teamName.getValue());
            show("Team " + created.name() + " created. Choose its supervisor above.");
        } catch (AccountChangeRefused refused) {
            teamRefused(refused.getMessage());
            return;
        }
        teamName.clear();
        loadTeams();
    }

    private void renameTeam() {
        var team = teams.asSingleSelect().getValue();
        if (team == null) {
            teamRefused("Select the team to rename.");
            return;
        }
        var typed = teamName.getValue();
        try {
            var renamed = administration.renameTeam(team.id(), team.version(), typed);
            show("Team renamed to " + renamed.name() + ".");
        } catch (AccountChangeRefused refused) {
            teamRefused(refused.getMessage());
            return;
        } catch (OptimisticLockingFailureException conflict) {
            teamRefused(StaffAdministration.TEAM_CONCURRENT_EDIT);
            return;
        }
        teamName.clear();
        loadTeams();
    }

    /** Shows the refusal at the team name field, keeping what was typed. */
    private void teamRefused(String message) {
        teamName.setErrorMessage(message);
        teamName.setInvalid(true);
    }

    private void loadTeams() {
        teams.setItems(administration.teams());
        supervisor.setItems(administration.activeWithRole(Role.SUPERVISOR));
        setSupervisor.setEnabled(false);
        renameTeam.setEnabled(false);
        teamName.setInvalid(false);
    }

    private void closeForm() {
        form.setVisible(false);
        grid.asSingleSelect().clear();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    /** Asks first, naming the selected person and the consequence; then acts on that person. */
    private void confirmFor(
            String question, String consequence, String action, java.util.function.Consumer<StaffAccountSummary> then) {
        var account = selected;
        if (account != null) {
            Feedback.confirm(
                    question.formatted(account.displayName()),
                    consequence.formatted(account.displayName()),
                    action,
                    () -> then.accept(account));
        }
    }

    private void resetPassword(StaffAccountSummary account) {
        try {
            var password = administration.resetPassword(account.id());
            oneTimePassword.show(account.username(), password, ONE_TIME_PASSWORD);
            Feedback.done("Password reset: " + account.displayName());
        } catch (AccountChangeRefused refused) {
            show(refused.getMessage());
        }
        closeForm();
        refresh();
    }

    private String selectedName() {
        var account = selected;
        return account == null ? "" : account.displayName();
    }

    private long selectedId() {
        var account = selected;
        if (account == null) {
            throw new IllegalStateException("no account selected");
        }
        return account.id();
    }
}
