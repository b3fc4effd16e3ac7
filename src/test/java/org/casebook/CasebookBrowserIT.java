package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Chromium against the packaged production jar on the {@code prod} profile and PostgreSQL, with the
 * fictional demo data ({@code prod,evaluation}; see {@link CasebookUnderTest}): the login page, every role's
 * journeys, the production frontend bundle, the theme and the security headers. Screenshots land in
 * {@code target/screenshots/}.
 */
class CasebookBrowserIT {

    private static final String PASSWORD = CasebookUnderTest.DEMO_PASSWORD;
    private static final String DEMO_TOTP_SECRET = CasebookUnderTest.DEMO_TOTP_SECRET;
    private static final Path SCREENSHOTS = CasebookUnderTest.SCREENSHOTS;

    private static CasebookUnderTest casebook;
    private static String baseUrl;

    private Page page;

    @BeforeAll
    static void startCasebook() {
        casebook = CasebookUnderTest.shared();
        baseUrl = casebook.baseUrl();
    }

    @BeforeEach
    void openPage() {
        page = casebook.newPage();
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    @Test
    void loginPageIsServedWithSecurityHeadersAndRendersCleanly() {
        var response = page.navigate(baseUrl + "/login");
        var headers = response.allHeaders();
        assertThat(headers.get("cache-control")).contains("no-store");
        assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(headers.get("referrer-policy")).isEqualTo("no-referrer");
        assertThat(headers.get("content-security-policy")).contains("default-src 'self'", "frame-ancestors 'none'");

        page.locator("input[name='username']").waitFor();
        assertThat(page.locator(".login-title").textContent()).isEqualTo("Casebook");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login.png")));
        assertThat(CasebookUnderTest.consoleProblems(page))
                .as("browser console errors and CSP violations")
                .isEmpty();
    }

    @Test
    void failedSignInSaysTheSameForAnUnknownUserAndAWrongPassword() {
        var messages = new ArrayList<String>();
        for (var username : List.of("no-such-person", "counsellor1")) {
            signIn(username, "wrong-password-123");
            page.waitForURL("**/login?error");
            var error = page.locator("[part='error-message']")
                    .filter(new Locator.FilterOptions().setHasText("Those details did not work"));
            error.waitFor();
            messages.add(error.innerText());
        }
        assertThat(messages.get(0)).contains("Check your username and password").isEqualTo(messages.get(1));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login-failed.png")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "counsellor1 | Casey Counsellor (demo)  | Counsellor    | Home,Caseload,Appointments,Calendar,New referral,Re-consent,Contacts,Safeguarding,Supervision records",
                "supervisor  | Sam Supervisor (demo)    | Supervisor    | Home,Caseload,Calendar,New referral,Waiting list,Re-consent,Contacts,Safeguarding,Supervision,Break-glass reviews,Supervision records,Data retention,Data requests,Audit log",
                "admin       | Ari Administrator (demo) | Administrator | Home,Staff accounts,Data retention,Audit log"
            })
    void eachRoleSignsInToTheShellAndSignsOut(String username, String name, String role, String menu) {
        signIn(username, PASSWORD);
        page.locator(".user-name").waitFor();
        assertThat(page.locator(".user-name").innerText()).isEqualTo(name);
        assertThat(page.locator(".user-roles").innerText()).isEqualTo(role);
        assertThat(page.locator("vaadin-side-nav-item").allInnerTexts()).containsExactly(menu.split(","));
        assertThat(page.locator("h1").innerText()).endsWith(name.substring(0, name.indexOf(' ')) + ".");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shell-" + username + ".png")));

        signOut();
        page.waitForURL("**/login");
        page.navigate(baseUrl + "/");
        page.waitForURL("**/login");
        assertThat(CasebookUnderTest.consoleProblems(page))
                .as("browser console errors and CSP violations")
                .isEmpty();
    }

    @Test
    void supervisorSeesTheChildAtRiskReferralFirstAndTheWaitingListAndIntakeFormRender() {
        signIn("supervisor", PASSWORD);
        page.locator(".child-at-risk-alert").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-supervisor.png")));
        page.navigate(baseUrl + "/waiting-list");
        page.locator(".child-at-risk-flag").first().waitFor();
        page.getByText("Assign", new Page.GetByTextOptions().setExact(true))
                .first()
                .waitFor();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("waiting-list.png"))
                .setFullPage(true));
        page.navigate(baseUrl + "/referral/new");
        page.locator("vaadin-combo-box").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("referral-form.png"))
                .setFullPage(true));
        assertThat(CasebookUnderTest.consoleProblems(page))
                .as("browser console errors and CSP violations")
                .isEmpty();
    }

    @Test
    void administratorSeesSignInsInTheAuditLogAndVerifiesIt() {
        signIn("admin", PASSWORD);
        page.locator(".user-name").waitFor();
        page.navigate(baseUrl + "/audit");
        page.locator("vaadin-grid").waitFor();
        page.getByText("Signed in", new Page.GetByTextOptions().setExact(true))
                .first()
                .waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify integrity"))
                .click();
        var result = page.locator(".verification-result");
        result.getByText("The audit log is intact").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("audit-log.png")));
        assertThat(CasebookUnderTest.consoleProblems(page))
                .as("browser console errors and CSP violations")
                .isEmpty();
    }

    @Test
    void theEvaluationRunSaysSoLoudlyAndLogsNoKeyMaterial() throws IOException {
        var log = casebook.appLog();
        assertThat(log).contains("EVALUATION: production settings with the FICTIONAL DEMO accounts and data");
        var environment = casebook.environment();
        // The keyset file is encrypted with the master key: its sealed bytes must not be logged either.
        var keyValues = new ArrayList<>(Pattern.compile("\"(?:value|encryptedKeyset)\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(Files.readString(Path.of(environment.get("CASEBOOK_KEYSET_FILE"))))
                .results()
                .map(m -> m.group(1))
                .toList());
        assertThat(keyValues).isNotEmpty();
        keyValues.addAll(List.of(
                environment.get("CASEBOOK_MASTER_KEY"),
                environment.get("CASEBOOK_AUDIT_KEY"),
                environment.get("CASEBOOK_MATCH_KEY"),
                environment.get("CASEBOOK_DB_PASSWORD")));
        assertThat(keyValues).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }

    @Test
    void theReadyLineIsPrintedOnceAfterTheDemoAccountsAndDataExist() {
        var log = casebook.appLog();
        var ready = "Casebook is ready at " + baseUrl + "/";
        assertThat(log.split(Pattern.quote(ready), -1))
                .as("occurrences of the ready line + 1")
                .hasSize(2);
        for (var seeded : List.of(
                "Created the fictional demo accounts",
                "Created fictional demo referrals",
                "Demo sessions added",
                "Seeded fictional supervision records")) {
            assertThat(log.indexOf(seeded)).as(seeded).isNotNegative().isLessThan(log.indexOf(ready));
        }
    }

    @Test
    void aRefusedNewPasswordIsExplainedAtTheFieldAndTheTypedTextStays() {
        signIn("counsellor2", PASSWORD);
        page.locator(".user-name").waitFor();
        page.navigate(baseUrl + "/account/password");
        page.getByLabel("Current password").fill(PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("password1234");
        page.getByLabel("Repeat the new password").fill("password1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        page.locator("vaadin-password-field[invalid]").first().waitFor();
        assertThat(page.getByLabel("Repeat the new password").inputValue()).isEqualTo("password1234");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("change-password-refused.png")));
        assertThat(CasebookUnderTest.consoleProblems(page))
                .as("browser console errors and CSP violations")
                .isEmpty();
    }

    @Test
    void anIdlePersonIsWarnedTwoMinutesBeforeSignOutAndCanStay() {
        page.clock().install();
        signIn("counsellor1", PASSWORD);
        page.locator(".user-name").waitFor();
        var warning = page.locator(".idle-warning");
        page.clock().runFor(12 * 60_000);
        assertThat(warning.isVisible()).as("no warning after 12 quiet minutes").isFalse();
        page.clock().runFor(61_000);
        warning.waitFor();
        assertThat(warning.innerText()).contains("signed out in 2 minutes");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("idle-warning.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in"))
                .click();
        warning.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(page.locator(".user-name").innerText()).isEqualTo("Casey Counsellor (demo)");
    }

    @Test
    void aNewAccountSetsUpItsAuthenticatorAppAtFirstSignInWithTheQrCodeOrTheTypedKey() {
        // An administrator creates the account and reads its one-time password.
        signIn("admin", PASSWORD);
        page.locator(".user-name").waitFor();
        page.navigate(baseUrl + "/admin/staff");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New account"))
                .click();
        var form = page.locator(".staff-form");
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Drew Newstarter (demo)");
        form.getByLabel("Username", new Locator.GetByLabelOptions().setExact(true))
                .fill("drew.newstarter");
        form.getByLabel("Email", new Locator.GetByLabelOptions().setExact(true)).fill("drew@example.invalid");
        form.getByText("Counsellor", new Locator.GetByTextOptions().setExact(true))
                .click();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        var message = page.locator(".one-time-password-box");
        message.getByText("One-time password for drew.newstarter").waitFor();
        var oneTimePassword = message.locator(".one-time-password").innerText().strip();
        assertThat(oneTimePassword).matches("[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}");
        message.scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("staff-accounts-created.png")));
        signOut();
        page.waitForURL("**/login");

        // Their first sign-in: the code page sets up an app, with a QR code and the key as text.
        signIn("drew.newstarter", oneTimePassword);
        page.waitForURL(Pattern.compile(".*/login/code(\\?.*)?$"));
        page.getByText("Set up two-factor sign-in").waitFor();
        var qrCode = page.locator("img[alt='QR code for your authenticator app']");
        qrCode.waitFor();
        assertThat(qrCode.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(qrCode.boundingBox().width).isGreaterThan(100);
        var secret = page.locator(".two-factor-secret").innerText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(DEMO_TOTP_SECRET);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("two-factor-enrolment.png")));

        page.getByLabel("First code from the app")
                .fill(totp(secret, Instant.now().getEpochSecond() / 30));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up"))
                .click();
        var recoveryCodes = page.locator(".recovery-codes li");
        recoveryCodes.first().waitFor();
        assertThat(recoveryCodes.allInnerTexts())
                .hasSize(10)
                .allSatisfy(code -> assertThat(code).matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("two-factor-recovery-codes.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have kept them safe: continue"))
                .click();

        // Then they replace the one-time password (the gate shows that view wherever they go), and reach home.
        page.locator(".change-password-required").waitFor();
        page.getByLabel("Current password").fill(oneTimePassword);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("violet orchard kettle 27");
        page.getByLabel("Repeat the new password").fill("violet orchard kettle 27");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        page.locator(".change-password-confirmation").waitFor();
        page.navigate(baseUrl + "/");
        page.locator(".user-name").waitFor();
        assertThat(page.locator(".user-name").innerText()).isEqualTo("Drew Newstarter (demo)");
        assertThat(page.locator("h1").innerText()).endsWith("Drew.");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("two-factor-first-home.png")));
        assertThat(CasebookUnderTest.consoleProblems(page))
                .as("browser console errors and CSP violations")
                .isEmpty();
    }

    @Test
    void counsellorWorksThroughAClientsCaseInTheProductionBundle() {
        signIn("counsellor1", PASSWORD);
        // The demo's unsigned note (first active case) is listed on the home page, by client code.
        var overdue = page.locator(".overdue-notes a").first();
        overdue.waitFor();
        var code = overdue.innerText().strip();
        assertThat(code).matches("[2-9A-Z]{3}-[2-9A-Z]{3}");

        page.navigate(baseUrl + "/clients");
        page.locator("vaadin-grid-cell-content")
                .getByText(code, new Locator.GetByTextOptions().setExact(true))
                .click();
        page.locator(".safe-contact").waitFor();
        assertThat(page.locator(".client-view h1").first().innerText()).isEqualTo(code);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("client-page.png"))
                .setFullPage(true));

        page.navigate(baseUrl + "/sessions/" + code);
        page.locator(".sessions-view .appointment").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("sessions.png"))
                .setFullPage(true));
        page.locator(".note-link").first().click();
        page.locator(".note-view").waitFor();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("session-note.png"))
                .setFullPage(true));

        page.navigate(baseUrl + "/plan/" + code);
        page.locator(".plan-view").waitFor();
        var trendChart = page.locator(".risk-trend-chart canvas");
        trendChart.waitFor();
        assertThat(trendChart.boundingBox().height)
                .as("dynamic risk trend chart height")
                .isGreaterThan(100);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("risk-plan.png"))
                .setFullPage(true));
        assertThat(CasebookUnderTest.consoleProblems(page))
                .as("browser console errors and CSP violations")
                .isEmpty();
    }

    @Test
    void supervisorSeesTheTeamDashboardWithItsChartsDrawn() {
        signIn("supervisor", PASSWORD);
        page.locator(".user-name").waitFor();
        page.navigate(baseUrl + "/supervision");
        page.locator("vaadin-grid").first().waitFor();
        var charts = page.locator("casebook-chart canvas");
        charts.first().waitFor();
        assertThat(charts.count()).isPositive();
        for (int i = 0; i < charts.count(); i++) {
            var canvas = charts.nth(i);
            assertThat(canvas.boundingBox().width).as("chart %d width", i).isGreaterThan(100);
            assertThat(canvas.boundingBox().height).as("chart %d height", i).isGreaterThan(100);
            // Drawn, not just present: count the pixels Chart.js painted.
            var painted = ((Number) canvas.evaluate("""
                    c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                           let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }""")).intValue();
            assertThat(painted).as("painted pixels of chart %d", i).isGreaterThan(2000);
        }
        // Tall enough for the whole dashboard: the content scrolls inside the app layout, not the page.
        page.setViewportSize(1280, 1800);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("supervision-dashboard.png")));
        assertThat(CasebookUnderTest.consoleProblems(page))
                .as("browser console errors and CSP violations")
                .isEmpty();
    }

    private void signIn(String username, String password) {
        if (password.equals(PASSWORD)) {
            casebook.signIn(page, username);
        } else {
            casebook.submitPassword(page, username, password);
        }
    }

    private static String totp(String base32Secret, long step) {
        return CasebookUnderTest.totp(base32Secret, step);
    }

    /** Signs out from the user menu in the header. */
    private void signOut() {
        page.locator(".user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
    }
}
