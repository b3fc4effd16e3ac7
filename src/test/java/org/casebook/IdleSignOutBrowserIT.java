package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idle sign-out with the tab left open, in Chromium against the production jar with a short idle
 * timeout (40 s), the warning capped at a third of it, and a heartbeat every 2 s: neither Vaadin's
 * heartbeat nor the safeguarding page's polling (every 30 s) keeps the session; an action by the
 * person does.
 */
class IdleSignOutBrowserIT {

    private static final String PASSWORD = "casebook-demo-2026";
    private static final String DEMO_TOTP_SECRET = "CASEBOOKDEMOTOTPSECRETFORSTAFFAB";
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(40);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path APP_LOG = Path.of("target", "idle-it-app.log");
    private static final Path WORK = Path.of("target", "idle-it");

    private static Process app;
    private static String baseUrl;
    private static Playwright playwright;
    private static Browser browser;
    private static long lastStep = -1;

    private Page page;

    @BeforeAll
    static void startCasebookWithAShortIdleTimeoutAndChromium() throws Exception {
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
        Files.createDirectories(WORK);
        Files.deleteIfExists(WORK.resolve("keyset.json"));
        var java = ProcessHandle.current().info().command().orElse("java");
        app = new ProcessBuilder(java, "-jar", jar.toString(), "--spring.profiles.active=demo",
                "--server.port=" + port, "--spring.datasource.url=jdbc:h2:mem:idle;DB_CLOSE_DELAY=-1",
                "--server.servlet.session.timeout=" + IDLE_TIMEOUT.toSeconds() + "s",
                "--casebook.security.idle-warning=2m", // capped at a third of the timeout
                "--vaadin.heartbeatInterval=2",
                "--casebook.audit.generated-key-file=" + WORK.resolve("audit-hmac.key"),
                "--casebook.referral.generated-match-key-file=" + WORK.resolve("referral-match.key"),
                "--casebook.audit.anchor-file=" + WORK.resolve("audit-anchors.log"),
                "--casebook.encryption.keyset-file=" + WORK.resolve("keyset.json"))
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
            assertThat(app.isAlive()).as("Casebook exited; see " + APP_LOG).isTrue();
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
        throw new AssertionError("Casebook did not start within two minutes; see " + APP_LOG);
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

    private final List<String> traffic = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void openPage() {
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        // What the page sent, kept for reading when a test fails (target/idle-it-traffic.log).
        page.onResponse(response -> traffic.add(Instant.now() + " " + response.request().method() + " "
                + response.url().replace(baseUrl, "") + " " + response.status() + " "
                + (response.url().contains("v-r=uidl") ? response.request().postData() : "")));
    }

    @AfterEach
    void closePage() throws IOException {
        page.context().close();
        Files.write(Path.of("target", "idle-it-traffic.log"), traffic, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void aTabLeftOpenOnAPollingPageWarnsAtTwoThirdsAndThenShowsTheSignInPage() {
        signIn("counsellor1");
        page.navigate(baseUrl + "/safeguarding");
        page.locator(".user-name").waitFor();
        var openedAt = Instant.now();
        var warning = page.locator(".idle-warning");
        assertThat(warning.isHidden()).as("no warning at once").isTrue();

        warning.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(IDLE_TIMEOUT.toMillis()));
        var warnedAfter = Duration.between(openedAt, Instant.now());
        assertThat(warnedAfter).as("the warning comes a third of the timeout before the end")
                .isGreaterThan(IDLE_TIMEOUT.multipliedBy(2).dividedBy(3).minusSeconds(3));
        assertThat(warning.innerText()).contains("signed out in 13 seconds");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("idle-warning.png")));

        // Left unanswered: the heartbeat (every 2 s) and the page's polling go on, the session does not.
        page.waitForURL(Pattern.compile(".*/login$"), new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(Duration.between(openedAt, Instant.now())).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusSeconds(1));
        page.locator("input[name='username']").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("idle-signed-out.png")));

        page.navigate(baseUrl + "/clients");
        page.waitForURL(Pattern.compile(".*/login$"));
    }

    @Test
    void answeringTheWarningIsAnActionThatKeepsTheSession() throws Exception {
        signIn("counsellor1");
        var openedAt = Instant.now();
        var warning = page.locator(".idle-warning");
        warning.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)
                .setTimeout(IDLE_TIMEOUT.toMillis()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in")).click();
        warning.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));

        // Past the first deadline and the page's own check after it: still signed in.
        var pastDeadline = Duration.between(Instant.now(), openedAt.plus(IDLE_TIMEOUT).plusSeconds(5));
        Thread.sleep(Math.max(0, pastDeadline.toMillis()));
        assertThat(page.url()).doesNotContain("/login");
        page.navigate(baseUrl + "/clients");
        page.locator(".user-name").waitFor();
        assertThat(page.url()).endsWith("/clients");
    }

    private void signIn(String username) {
        page.navigate(baseUrl + "/login");
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(Pattern.compile(".*/login/code$"));
        page.getByLabel("Code from your authenticator app").fill(nextCode());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.waitForURL(url -> !url.contains("/login"));
        page.locator(".user-name").waitFor();
    }

    /** A code for a time step not used yet (codes are single-use; the next step is accepted too). */
    private static String nextCode() {
        long step = Math.max(Instant.now().getEpochSecond() / 30, lastStep + 1);
        while (step > Instant.now().getEpochSecond() / 30 + 1) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        lastStep = step;
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
