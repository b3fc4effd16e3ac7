package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A first install as an operator does it: an empty PostgreSQL database, {@code --casebook.command=create-admin}
 * with the production jar, then the administrator's first sign-in in Chromium. This test needs a database
 * without the demo accounts, so it starts its own jar on the {@code prod} profile (the other browser tests
 * share {@link CasebookUnderTest#shared()}).
 */
class FirstInstallBrowserIT {

    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("One-time password: (\\S+)");

    @Test
    void theFirstAdministratorIsCreatedOnAnEmptyDatabaseAndSignsInWithTwoFactorAndANewPassword() {
        try (var casebook = CasebookUnderTest.production("first-install")) {
            var created = casebook.runCommand(
                    "--casebook.command=create-admin",
                    "--username=ada.admin",
                    "--name=Ada Admin (test)",
                    "--email=ada@example.invalid");
            assertThat(created.exitCode()).as(created.output()).isZero();
            assertThat(created.output()).contains("Created the administrator ada.admin");
            var matcher = ONE_TIME_PASSWORD.matcher(created.output());
            assertThat(matcher.find()).as(created.output()).isTrue();
            var oneTimePassword = matcher.group(1);
            assertThat(oneTimePassword).matches("[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}");

            var again = casebook.runCommand(
                    "--casebook.command=create-admin",
                    "--username=second.admin",
                    "--name=Second Admin (test)",
                    "--email=second@example.invalid");
            assertThat(again.exitCode()).as(again.output()).isEqualTo(1);
            assertThat(again.output())
                    .contains("Refusing to create an administrator: Casebook already has an " + "active administrator")
                    .doesNotContain("One-time password");

            casebook.start();
            var page = casebook.newPage();
            casebook.submitPassword(page, "ada.admin", oneTimePassword);
            page.waitForURL(Pattern.compile(".*/login/code(\\?.*)?$"));
            page.getByText("Set up two-factor sign-in").waitFor();
            var secret = page.locator(".two-factor-secret").innerText().replace(" ", "");
            assertThat(secret).matches("[A-Z2-7]{32}");
            CasebookUnderTest.screenshot(page, "first-install-two-factor.png");
            page.getByLabel("First code from the app")
                    .fill(CasebookUnderTest.totp(secret, Instant.now().getEpochSecond() / 30));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up"))
                    .click();
            page.locator(".recovery-codes li").first().waitFor();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have kept them safe: continue"))
                    .click();

            page.locator(".change-password-required").waitFor();
            page.getByLabel("Current password").fill(oneTimePassword);
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill("amber lantern meadow 51");
            page.getByLabel("Repeat the new password").fill("amber lantern meadow 51");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                    .click();
            page.locator(".change-password-confirmation").waitFor();
            page.navigate(casebook.url("/"));
            page.locator(".user-name").waitFor();
            assertThat(page.locator(".user-name").innerText()).isEqualTo("Ada Admin (test)");
            assertThat(page.locator(".user-roles").innerText()).isEqualTo("Administrator");
            page.navigate(casebook.url("/admin/staff"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New account"))
                    .waitFor();
            CasebookUnderTest.screenshot(page, "first-install-signed-in.png");
            assertThat(CasebookUnderTest.consoleProblems(page))
                    .as("browser console errors and CSP violations")
                    .isEmpty();
            page.context().close();

            try (var connection = TestPostgres.superuser(casebook.databaseUrl());
                    var query = connection
                            .createStatement()
                            .executeQuery(
                                    "select outcome, reason from audit_entry where action = 'ACCOUNT_CREATED' order by seq")) {
                assertThat(query.next()).isTrue();
                assertThat(query.getString(1)).isEqualTo("SUCCESS");
                assertThat(query.getString(2)).startsWith("first administrator, created with --casebook.command");
                assertThat(query.next()).isTrue();
                assertThat(query.getString(1)).isEqualTo("DENIED");
                assertThat(query.next()).isFalse();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
