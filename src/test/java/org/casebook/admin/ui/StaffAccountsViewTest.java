package org.casebook.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.casebook.KaribuTest;
import org.casebook.security.Role;
import org.casebook.security.StaffAccountSummary;
import org.casebook.security.StaffAdministration;
import org.casebook.security.TestCodes;
import org.casebook.security.ui.ChangePasswordView;
import org.casebook.security.ui.LoginView;
import org.casebook.security.ui.SecondFactorView;
import org.casebook.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

/** Each test rolls back, so the demo accounts stay as other tests expect them. */
@Transactional
class StaffAccountsViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StaffAdministration administration;

    @Autowired
    EntityManager entityManager;

    private static StaffAccountsView open() {
        UI.getCurrent().navigate(StaffAccountsView.class);
        return _get(StaffAccountsView.class);
    }

    private static List<StaffAccountSummary> rows(StaffAccountsView view) {
        return view.grid.getLazyDataView().getItems().toList();
    }

    private static StaffAccountSummary row(StaffAccountsView view, String username) {
        return rows(view).stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void signedOutPersonLandsOnLogin() {
        UI.getCurrent().navigate(StaffAccountsView.class);
        _get(LoginView.class);
        _assertNone(StaffAccountsView.class);
    }

    @Test
    @WithUserDetails("counsellor1")
    void counsellorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(StaffAccountsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("supervisor")
    void supervisorIsDenied() {
        assertThatThrownBy(() -> UI.getCurrent().navigate(StaffAccountsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void administratorSeesEveryAccountAndSearches() {
        var view = open();
        assertThat(rows(view))
                .extracting(StaffAccountSummary::username)
                .containsExactly("counsellor3", "admin", "counsellor1", "supervisor2", "counsellor2", "supervisor");
        _setValue(view.search, "robin");
        assertThat(rows(view)).extracting(StaffAccountSummary::username).containsExactly("counsellor2");
        assertThat(view.teams.getListDataView().getItems().toList())
                .extracting(t -> t.supervisorName())
                .containsExactly("Sam Supervisor (demo)", "Jordan Supervisor (demo)");
    }

    @Test
    @WithUserDetails("admin")
    void emptyFormShowsValidationMessagesAtTheFields() {
        var view = open();
        _click(view.newAccount);
        _click(view.form.save);

        assertThat(view.form.displayName.isInvalid()).isTrue();
        assertThat(view.form.displayName.getErrorMessage()).isEqualTo(StaffForm.NAME_REQUIRED);
        assertThat(view.form.username.getErrorMessage()).isEqualTo(StaffForm.USERNAME_REQUIRED);
        assertThat(view.form.roles.getErrorMessage()).isEqualTo(StaffForm.ROLE_REQUIRED);
        assertThat(rows(view)).hasSize(6);
    }

    @Test
    @WithUserDetails("admin")
    void creatingAnAccountShowsItsOneTimePasswordOnce() {
        var view = open();
        _click(view.newAccount);
        _setValue(view.form.displayName, "Jo Newcomer");
        _setValue(view.form.username, "jo.newcomer");
        _setValue(view.form.email, "jo@example.org");
        _setValue(view.form.roles, Set.of(Role.COUNSELLOR));
        _click(view.form.save);

        assertThat(view.oneTimePassword.isVisible()).isTrue();
        assertThat(view.oneTimePassword.getElement().getTextRecursively())
                .contains("One-time password for jo.newcomer");
        assertThat(view.oneTimePassword.password.getText()).isNotBlank();
        assertThat(view.form.isVisible()).isFalse();
        assertThat(row(view, "jo.newcomer").roles()).containsExactly(Role.COUNSELLOR);
        // It stays, whatever happens next, until the administrator dismisses it.
        view.grid.select(row(view, "counsellor2"));
        assertThat(view.oneTimePassword.isVisible()).isTrue();
        _click(view.oneTimePassword.dismiss);
        assertThat(view.oneTimePassword.isVisible()).isFalse();
        assertThat(view.oneTimePassword.password.getText()).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void aTakenUsernameIsRefusedAtTheFieldAndWhatWasTypedStays() {
        var view = open();
        _click(view.newAccount);
        _setValue(view.form.displayName, "Another Casey");
        _setValue(view.form.username, "counsellor1");
        _setValue(view.form.email, "casey@example.org");
        _setValue(view.form.roles, Set.of(Role.COUNSELLOR));
        _click(view.form.save);

        assertThat(view.form.username.isInvalid()).isTrue();
        assertThat(view.form.username.getErrorMessage()).isEqualTo(StaffAdministration.USERNAME_TAKEN);
        assertThat(view.form.displayName.getValue()).isEqualTo("Another Casey");
        assertThat(view.form.email.getValue()).isEqualTo("casey@example.org");
        assertThat(view.form.isVisible()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void aConcurrentEditIsRefusedAndTheFormKeepsWhatWasTyped() {
        var view = open();
        view.grid.select(row(view, "counsellor2"));
        // Another administrator changes the account meanwhile.
        var meanwhile = administration.account(row(view, "counsellor2").id());
        administration.update(meanwhile.id(), meanwhile.version(), Set.of(Role.SUPERVISOR), meanwhile.teamId());
        _setValue(view.form.roles, Set.of(Role.COUNSELLOR, Role.SUPERVISOR));
        _click(view.form.save);

        assertThat(view.form.problem.getText()).isEqualTo(StaffAdministration.CONCURRENT_EDIT);
        assertThat(view.form.roles.getValue()).containsExactlyInAnyOrder(Role.COUNSELLOR, Role.SUPERVISOR);
        assertThat(view.form.isVisible()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorGivingThemselfAClinicalRoleIsToldAtTheRolesAndWhatWasTickedStays() {
        var view = open();
        view.grid.select(row(view, "admin"));
        _setValue(view.form.roles, Set.of(Role.ADMIN, Role.SUPERVISOR));
        _click(view.form.save);

        assertThat(view.form.roles.isInvalid()).isTrue();
        assertThat(view.form.roles.getErrorMessage()).isEqualTo(StaffAdministration.NOT_OWN_ROLES);
        assertThat(view.form.roles.getValue()).containsExactlyInAnyOrder(Role.ADMIN, Role.SUPERVISOR);
        assertThat(row(view, "admin").roles()).containsExactly(Role.ADMIN);
    }

    @Test
    @WithUserDetails("admin")
    void givingACounsellorTheAdministratorRoleIsRefusedAtTheRoles() {
        var view = open();
        view.grid.select(row(view, "counsellor2"));
        _setValue(view.form.roles, Set.of(Role.COUNSELLOR, Role.ADMIN));
        _click(view.form.save);

        assertThat(view.form.roles.getErrorMessage()).isEqualTo(StaffAdministration.NOT_ADMIN_AND_CLINICAL);
        assertThat(row(view, "counsellor2").roles()).containsExactly(Role.COUNSELLOR);
    }

    @Test
    @WithUserDetails("admin")
    void administratorEditsRolesAndDeactivatesButNotThemselves() {
        var view = open();
        view.grid.select(row(view, "counsellor2"));
        _setValue(view.form.roles, Set.of(Role.COUNSELLOR, Role.SUPERVISOR));
        _click(view.form.save);
        assertThat(row(view, "counsellor2").roleLabels()).isEqualTo("Counsellor, Supervisor");

        view.grid.select(row(view, "counsellor2"));
        _click(view.deactivate);
        // Asked first, naming the person and what follows; nothing happens until confirmed.
        var asked = _get(com.vaadin.flow.component.dialog.Dialog.class);
        assertThat(asked.getHeaderTitle()).isEqualTo("Deactivate Robin Counsellor (demo)?");
        assertThat(row(view, "counsellor2").active()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Deactivate the account")));
        assertThat(row(view, "counsellor2").active()).isFalse();

        view.grid.select(row(view, "admin"));
        _click(view.deactivate);
        _click(_get(Button.class, spec -> spec.withText("Deactivate the account")));
        assertThat(view.message.getText()).isEqualTo(StaffAdministration.NOT_SELF);
        assertThat(row(view, "admin").active()).isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void aLockedAccountIsShownAsLockedAndTheAdministratorUnlocksIt() {
        jdbc.update("update staff_account set failed_attempts = 10, locked_until = dateadd('HOUR', 1, "
                + "current_timestamp) where username = 'counsellor1'");
        var view = open();
        assertThat(row(view, "counsellor1").locked()).isTrue();

        view.grid.select(row(view, "counsellor1"));
        _click(view.unlock);

        assertThat(row(view, "counsellor1").locked()).isFalse();
        assertThat(jdbc.queryForObject("select action from audit_entry order by seq desc limit 1", String.class))
                .isEqualTo("ACCOUNT_UNLOCKED");
    }

    @Test
    @WithUserDetails("admin")
    void resettingAPasswordShowsTheNewOneTimePasswordOnce() {
        var view = open();
        view.grid.select(row(view, "counsellor2"));
        _click(view.resetPassword);
        _click(_get(Button.class, spec -> spec.withText("Reset the password")));

        assertThat(view.oneTimePassword.getElement().getTextRecursively())
                .contains("One-time password for counsellor2");
        entityManager.flush(); // the service's transaction is the test's here, so it has not committed yet
        assertThat(jdbc.queryForObject(
                        "select must_change_password from staff_account where username = 'counsellor2'", Boolean.class))
                .isTrue();
    }

    @Test
    @WithUserDetails("counsellor1")
    void aPersonWithAOneTimePasswordIsSentToChangeItWhateverTheyOpen() {
        jdbc.update("update staff_account set must_change_password = true where username = 'counsellor1'");
        UI.getCurrent().navigate(HomeView.class);
        _get(ChangePasswordView.class);
        _assertNone(HomeView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("change-password-required"))
                        .isVisible())
                .isTrue();

        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Current password")), "casebook-demo-2026");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("New password")), "quiet harbour lantern 42");
        _setValue(
                _get(PasswordField.class, spec -> spec.withLabel("Repeat the new password")),
                "quiet harbour lantern 42");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        UI.getCurrent().navigate(HomeView.class);
        _get(HomeView.class);
    }

    @Test
    @WithUserDetails("admin")
    void resettingTwoFactorShowsAOneTimePasswordAndTheNextSignInSetsUpTheAppAgain() {
        var view = open();
        view.grid.select(row(view, "counsellor2"));
        _click(view.resetTwoFactor);
        _click(_get(Button.class, spec -> spec.withText("Reset two-factor sign-in")));

        assertThat(view.oneTimePassword.getElement().getTextRecursively())
                .contains("One-time password for counsellor2", "Two-factor sign-in is reset");
        var oneTimePassword = view.oneTimePassword.password.getText();
        entityManager.flush();
        assertThat(jdbc.queryForObject("select action from audit_entry order by seq desc limit 1", String.class))
                .isEqualTo("MFA_RESET");

        // counsellor2 signs in with the one-time password: the code page sets up a new app.
        var person = context.getBean(UserDetailsService.class).loadUserByUsername("counsellor2");
        assertThat(context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                        .matches(oneTimePassword, person.getPassword()))
                .isTrue();
        context.getBean(SecurityContextHolderStrategy.class)
                .getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        UI.getCurrent().navigate(HomeView.class);
        _get(SecondFactorView.class);
        assertThat(_get(Image.class, spec -> spec.withAttribute("alt", "QR code for your authenticator app"))
                        .getSrc())
                .startsWith("data:image/svg+xml;base64,");
        var secret = _get(Span.class, spec -> spec.withClasses("two-factor-secret"))
                .getText()
                .replace(" ", "");
        assertThat(secret).isNotEqualTo(TestCodes.DEMO_SECRET);
        _setValue(
                _get(TextField.class, spec -> spec.withLabel("First code from the app")),
                TestCodes.code(secret, Instant.now()));
        _click(_get(Button.class, spec -> spec.withText("Set up")));
        assertThat(_get(UnorderedList.class, spec -> spec.withClasses("recovery-codes"))
                        .getChildren())
                .hasSize(10);
        _click(_get(Button.class, spec -> spec.withText("I have kept them safe: continue")));
        // ...and then must replace the one-time password before anything else.
        _get(ChangePasswordView.class);
        _assertNone(HomeView.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorCannotResetTheirOwnTwoFactorFromTheList() {
        var view = open();
        view.grid.select(row(view, "admin"));
        _click(view.resetTwoFactor);
        _click(_get(Button.class, spec -> spec.withText("Reset two-factor sign-in")));
        assertThat(view.message.getText()).isEqualTo(StaffAdministration.NOT_OWN_TWO_FACTOR);
        assertThat(jdbc.queryForObject(
                        "select totp_secret is not null from staff_account where username = 'admin'", Boolean.class))
                .isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void administratorCreatesATeamAndRenamesIt() {
        var view = open();
        _setValue(view.teamName, "East team (demo)");
        _click(view.createTeam);
        assertThat(view.teamName.isInvalid()).isFalse();
        assertThat(view.teamName.getValue()).isEmpty();
        var east = view.teams
                .getListDataView()
                .getItems()
                .filter(t -> t.name().equals("East team (demo)"))
                .findFirst()
                .orElseThrow();

        view.teams.select(east);
        assertThat(view.teamName.getValue()).isEqualTo("East team (demo)");
        _setValue(view.teamName, "East Coast team (demo)");
        _click(view.renameTeam);
        assertThat(view.teams.getListDataView().getItems().map(t -> t.name()))
                .contains("East Coast team (demo)")
                .doesNotContain("East team (demo)");
        entityManager.flush();
        assertThat(jdbc.queryForList(
                        "select action from audit_entry where record_type = 'team' and record_id = ?",
                        String.class,
                        String.valueOf(east.id())))
                .containsExactly("TEAM_CREATED", "TEAM_RENAMED");
    }

    @Test
    @WithUserDetails("admin")
    void aMissingOrTakenTeamNameIsRefusedAtTheFieldAndWhatWasTypedStays() {
        var view = open();
        _click(view.createTeam);
        assertThat(view.teamName.isInvalid()).isTrue();
        assertThat(view.teamName.getErrorMessage()).isEqualTo(StaffAdministration.TEAM_NAME_REQUIRED);

        _setValue(view.teamName, "south team (DEMO)");
        _click(view.createTeam);
        assertThat(view.teamName.getErrorMessage()).isEqualTo(StaffAdministration.TEAM_NAME_TAKEN);
        assertThat(view.teamName.getValue()).isEqualTo("south team (DEMO)");
    }

    @Test
    @WithUserDetails("admin")
    void aTeamRenamedMeanwhileByAnotherAdministratorIsNotOverwritten() {
        var view = open();
        var north = view.teams
                .getListDataView()
                .getItems()
                .filter(t -> t.name().equals("North team (demo)"))
                .findFirst()
                .orElseThrow();
        view.teams.select(north);
        administration.renameTeam(north.id(), north.version(), "North team (renamed meanwhile)");

        _setValue(view.teamName, "Northern team (demo)");
        _click(view.renameTeam);
        assertThat(view.teamName.isInvalid()).isTrue();
        assertThat(view.teamName.getErrorMessage()).isEqualTo(StaffAdministration.TEAM_CONCURRENT_EDIT);
        assertThat(view.teamName.getValue()).isEqualTo("Northern team (demo)");
    }
}
