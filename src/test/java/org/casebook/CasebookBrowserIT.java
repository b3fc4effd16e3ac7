package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Chromium against the packaged production jar (run by Maven's failsafe after {@code package}):
 * the login page, the production frontend bundle, the theme and the security headers.
 * Screenshots land in {@code target/screenshots/}.
 */
class CasebookBrowserIT {

    private static final String PASSWORD = "casebook-demo-2026";
    /** The demo accounts' published authenticator secret (README, "Demo accounts"). */
    private static final String DEMO_TOTP_SECRET = "CASEBOOKDEMOTOTPSECRETFORSTAFFAB";
    private static final Map<String, Long> LAST_STEP = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path APP_LOG = Path.of("target", "browser-it-app.log");
    /** A fresh folder each run, so the jar's first-start keyset generation runs every time (never ./data). */
    private static final Path KEYSET = Path.of("target", "browser-it-keys", "keyset.json");

    private static Process app;
    private static String baseUrl;
    private static Playwright playwright;
    private static Browser browser;

    private Page page;
    private final List<String> consoleProblems = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startCasebookAndChromium() throws Exception {
        var jar = Path.of(System.getProperty("casebook.jar", "target/casebook.jar"));
        assertThat(jar).as("the production jar; run through 'mvnw verify'").exists();
        var chromium = Path.of(System.getProperty("casebook.chromium", "/usr/bin/chromium"));
        assertThat(chromium).as("Chromium for browser tests: apt-get install chromium").exists();

        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://localhost:" + port;
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(KEYSET);
        var java = ProcessHandle.current().info().command().orElse("java");
        app = new ProcessBuilder(java, "-jar", jar.toString(), "--spring.profiles.active=demo",
                "--server.port=" + port, "--spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
                "--casebook.audit.generated-key-file=target/browser-it/audit-hmac.key",
                "--casebook.referral.generated-match-key-file=target/browser-it/referral-match.key",
                "--casebook.audit.anchor-file=target/browser-it/audit-anchors.log",
                "--casebook.encryption.keyset-file=" + KEYSET)
                .redirectErrorStream(true)
                .redirectOutput(APP_LOG.toFile())
                .start();
        awaitLoginPage();

        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    private static void awaitLoginPage() throws Exception {
        var client = HttpClient.newHttpClient();
        var deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.isAlive()).as("Casebook exited; see target/browser-it-app.log").isTrue();
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Casebook did not start within two minutes; see target/browser-it-app.log");
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.destroy();
        }
    }

    @BeforeEach
    void openPage() {
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.url().endsWith("/login?error")) {
                consoleProblems.add(response.status() + " " + response.url());
            }
        });
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
                consoleProblems.add(message.text());
            }
        });
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
        assertThat(consoleProblems).as("browser console errors and CSP violations").isEmpty();
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
    @CsvSource(delimiter = '|', value = {
        "counsellor1 | Casey Counsellor (demo)  | Counsellor    | Home,Caseload,Appointments,New referral,Re-consent,Safeguarding,Change password",
        "supervisor  | Sam Supervisor (demo)    | Supervisor    | Home,Caseload,New referral,Waiting list,Re-consent,Safeguarding,Supervision,Audit log,Change password",
        "admin       | Ari Administrator (demo) | Administrator | Home,Staff accounts,Audit log,Change password"
    })
    void eachRoleSignsInToTheShellAndSignsOut(String username, String name, String role, String menu) {
        signIn(username, PASSWORD);
        page.locator(".user-name").waitFor();
        assertThat(page.locator(".user-name").innerText()).isEqualTo(name);
        assertThat(page.locator(".user-roles").innerText()).isEqualTo(role);
        assertThat(page.locator("vaadin-side-nav-item").allInnerTexts()).containsExactly(menu.split(","));
        assertThat(page.locator("h1").innerText()).endsWith(name.substring(0, name.indexOf(' ')) + ".");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shell-" + username + ".png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/login");
        page.navigate(baseUrl + "/");
        page.waitForURL("**/login");
        assertThat(consoleProblems).as("browser console errors and CSP violations").isEmpty();
    }

    @Test
    void supervisorSeesTheChildAtRiskReferralFirstAndTheWaitingListAndIntakeFormRender() {
        signIn("supervisor", PASSWORD);
        page.locator(".child-at-risk-alert").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-supervisor.png")));
        page.navigate(baseUrl + "/waiting-list");
        page.locator(".child-at-risk-flag").first().waitFor();
        page.getByText("Assign", new Page.GetByTextOptions().setExact(true)).first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("waiting-list.png")).setFullPage(true));
        page.navigate(baseUrl + "/referral/new");
        page.locator("vaadin-combo-box").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("referral-form.png")).setFullPage(true));
        assertThat(consoleProblems).as("browser console errors and CSP violations").isEmpty();
    }

    @Test
    void administratorSeesSignInsInTheAuditLogAndVerifiesIt() {
        signIn("admin", PASSWORD);
        page.locator(".user-name").waitFor();
        page.navigate(baseUrl + "/audit");
        page.locator("vaadin-grid").waitFor();
        page.getByText("Signed in", new Page.GetByTextOptions().setExact(true)).first().waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify integrity")).click();
        var result = page.locator(".verification-result");
        result.getByText("The audit log is intact").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("audit-log.png")));
        assertThat(consoleProblems).as("browser console errors and CSP violations").isEmpty();
    }

    @Test
    void theDemoRunCreatedItsKeysetOnFirstStartAndLoggedNoKeyMaterial() throws IOException {
        assertThat(KEYSET).exists();
        var log = Files.readString(APP_LOG);
        assertThat(log).contains("Generated a new encryption keyset at " + KEYSET);
        var keyValues = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(Files.readString(KEYSET)).results().map(m -> m.group(1)).toList();
        assertThat(keyValues).isNotEmpty().allSatisfy(secret -> assertThat(log).doesNotContain(secret));
    }

    @Test
    void aRefusedNewPasswordIsExplainedAtTheFieldAndTheTypedTextStays() {
        signIn("counsellor2", PASSWORD);
        page.locator(".user-name").waitFor();
        page.navigate(baseUrl + "/account/password");
        page.getByLabel("Current password").fill(PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("password1234");
        page.getByLabel("Repeat the new password").fill("password1234");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        page.locator("vaadin-password-field[invalid]").first().waitFor();
        assertThat(page.getByLabel("Repeat the new password").inputValue()).isEqualTo("password1234");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("change-password-refused.png")));
        assertThat(consoleProblems).as("browser console errors and CSP violations").isEmpty();
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
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in")).click();
        warning.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        assertThat(page.locator(".user-name").innerText()).isEqualTo("Casey Counsellor (demo)");
    }

    @Test
    void aNewAccountSetsUpItsAuthenticatorAppAtFirstSignInWithTheQrCodeOrTheTypedKey() {
        // An administrator creates the account and reads its one-time password.
        signIn("admin", PASSWORD);
        page.locator(".user-name").waitFor();
        page.navigate(baseUrl + "/admin/staff");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New account")).click();
        var form = page.locator(".staff-form");
        form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Drew Newstarter (demo)");
        form.getByLabel("Username", new Locator.GetByLabelOptions().setExact(true)).fill("drew.newstarter");
        form.getByLabel("Email", new Locator.GetByLabelOptions().setExact(true)).fill("drew@example.invalid");
        form.getByText("Counsellor", new Locator.GetByTextOptions().setExact(true)).click();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        var message = page.locator(".staff-accounts-message");
        message.getByText("One-time password for drew.newstarter").waitFor();
        var oneTimePassword = message.innerText()
                .replaceAll("(?s).*One-time password for drew\\.newstarter: (\\S+) .*", "$1");
        assertThat(oneTimePassword).matches("[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}");
        message.scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("staff-accounts-created.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
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

        page.getByLabel("First code from the app").fill(totp(secret, Instant.now().getEpochSecond() / 30));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up")).click();
        var recoveryCodes = page.locator(".recovery-codes li");
        recoveryCodes.first().waitFor();
        assertThat(recoveryCodes.allInnerTexts()).hasSize(10)
                .allSatisfy(code -> assertThat(code).matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("two-factor-recovery-codes.png")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have kept them safe: continue")).click();

        // Then they replace the one-time password (the gate shows that view wherever they go), and reach home.
        page.locator(".change-password-required").waitFor();
        page.getByLabel("Current password").fill(oneTimePassword);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("violet orchard kettle 27");
        page.getByLabel("Repeat the new password").fill("violet orchard kettle 27");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        page.locator(".change-password-confirmation").waitFor();
        page.navigate(baseUrl + "/");
        page.locator(".user-name").waitFor();
        assertThat(page.locator(".user-name").innerText()).isEqualTo("Drew Newstarter (demo)");
        assertThat(page.locator("h1").innerText()).endsWith("Drew.");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("two-factor-first-home.png")));
        assertThat(consoleProblems).as("browser console errors and CSP violations").isEmpty();
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
        page.locator("vaadin-grid-cell-content").getByText(code, new Locator.GetByTextOptions().setExact(true)).click();
        page.locator(".safe-contact").waitFor();
        assertThat(page.locator(".client-view h1").first().innerText()).isEqualTo(code);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("client-page.png")).setFullPage(true));

        page.navigate(baseUrl + "/sessions/" + code);
        page.locator(".sessions-view .appointment").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sessions.png")).setFullPage(true));
        page.locator(".note-link").first().click();
        page.locator(".note-view").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("session-note.png")).setFullPage(true));

        page.navigate(baseUrl + "/plan/" + code);
        page.locator(".plan-view").waitFor();
        var trendChart = page.locator(".risk-trend-chart canvas");
        trendChart.waitFor();
        assertThat(trendChart.boundingBox().height).as("dynamic risk trend chart height").isGreaterThan(100);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("risk-plan.png")).setFullPage(true));
        assertThat(consoleProblems).as("browser console errors and CSP violations").isEmpty();
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
        assertThat(consoleProblems).as("browser console errors and CSP violations").isEmpty();
    }

    private void signIn(String username, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        if (password.equals(PASSWORD)) {
            page.waitForURL(Pattern.compile(".*/login/code$"));
            page.getByLabel("Code from your authenticator app").fill(nextCode(username));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            page.waitForURL(url -> !url.contains("/login"));
        }
    }

    /**
     * A code from the published demo secret for a time step this account has not used yet (codes are
     * single-use; the app accepts the next step too, so a second sign-in within 30 seconds needs no wait).
     */
    private static String nextCode(String username) {
        long step = Math.max(Instant.now().getEpochSecond() / 30, LAST_STEP.getOrDefault(username, -1L) + 1);
        while (step > Instant.now().getEpochSecond() / 30 + 1) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LAST_STEP.put(username, step);
        return totp(DEMO_TOTP_SECRET, step);
    }

    /** RFC 6238 with HMAC-SHA1 and six digits, written out here so the test does not trust the app's own. */
    private static String totp(String base32Secret, long step) {
        var bits = new StringBuilder();
        for (char c : base32Secret.toCharArray()) {
            var value = Integer.toBinaryString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c));
            bits.append("0".repeat(5 - value.length())).append(value);
        }
        var key = new byte[bits.length() / 8];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) Integer.parseInt(bits.substring(i * 8, i * 8 + 8), 2);
        }
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA1"));
            var hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[19] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
