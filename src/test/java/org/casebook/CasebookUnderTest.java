package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged production jar as the browser tests (failsafe, {@code *BrowserIT}) meet it: on the {@code prod}
 * profile, on a real (embedded) PostgreSQL set up with docker/postgres-init's roles, with the variables an
 * operator sets (keyset file and master key, audit key, match key, anchor file), driven by Chromium.
 *
 * <pre>{@code
 * static final CasebookUnderTest casebook = CasebookUnderTest.shared();  // prod,evaluation: demo accounts and data
 * var page = casebook.newPage();                 // a fresh browser context; console problems are recorded
 * casebook.signIn(page, "counsellor1");          // demo password, then a code from the demo authenticator secret
 * page.navigate(casebook.url("/clients"));
 * CasebookUnderTest.screenshot(page, "caseload.png");   // into target/screenshots/
 * assertThat(CasebookUnderTest.consoleProblems(page)).isEmpty();
 * page.context().close();
 * }</pre>
 *
 * {@link #shared()} starts one jar, once per test JVM, on {@code --spring.profiles.active=prod,evaluation}
 * (production plus the fictional demo data, README "Evaluating on PostgreSQL"); every browser test class
 * uses it, and a shutdown hook stops it. {@link #production(String)} prepares a further jar on an empty
 * production database, for a test that needs one (first install); close it when done.
 */
public final class CasebookUnderTest implements AutoCloseable {

    /** The demo accounts' password (README, "Demo accounts"). */
    public static final String DEMO_PASSWORD = "casebook-demo-2026";
    /** The demo accounts' published authenticator secret (README, "Demo accounts"). */
    public static final String DEMO_TOTP_SECRET = "CASEBOOKDEMOTOTPSECRETFORSTAFFAB";

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    // Test-only keys, base64 of more than 32 bytes, as an operator would give them.
    static final String AUDIT_KEY = "dGVzdC1vbmx5LWF1ZGl0LWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5";
    static final String MATCH_KEY = "dGVzdC1vbmx5LW1hdGNoLWtleS1ub3QtZm9yLXVzZS0wMTIzNDU2Nzg5YWJj";

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
    private static final Map<Page, List<String>> PROBLEMS = new ConcurrentHashMap<>();
    private static CasebookUnderTest shared;
    private static Playwright playwright;
    private static Browser browser;

    private final String name;
    private final String databaseUrl;
    private final Map<String, String> environment;
    private final Path log;
    private final String baseUrl;
    private final int port;
    private Process process;

    private CasebookUnderTest(String name, String profiles) {
        this.name = name;
        var folder = Path.of("target", "browser-it", name);
        try {
            deleteRecursively(folder);
            Files.createDirectories(folder);
            Files.createDirectories(SCREENSHOTS);
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            this.baseUrl = "http://localhost:" + port;
            this.databaseUrl = TestPostgres.newDatabaseWithDockerRoles();
            var masterKey = TestKeyset.newMasterKey();
            var keyset = TestKeyset.create(folder, masterKey);
            environment = new HashMap<>(Map.of(
                    "CASEBOOK_DB_URL",
                    databaseUrl,
                    "CASEBOOK_DB_USER",
                    "casebook_app",
                    "CASEBOOK_DB_PASSWORD",
                    TestPostgres.APP_PASSWORD,
                    "CASEBOOK_DB_MIGRATION_USER",
                    "casebook_owner",
                    "CASEBOOK_DB_MIGRATION_PASSWORD",
                    TestPostgres.OWNER_PASSWORD,
                    "CASEBOOK_KEYSET_FILE",
                    keyset.toAbsolutePath().toString(),
                    "CASEBOOK_MASTER_KEY",
                    masterKey,
                    "CASEBOOK_AUDIT_KEY",
                    AUDIT_KEY,
                    "CASEBOOK_MATCH_KEY",
                    MATCH_KEY,
                    "CASEBOOK_AUDIT_ANCHOR_FILE",
                    folder.resolve("audit-anchors.log").toAbsolutePath().toString()));
            environment.put("SPRING_PROFILES_ACTIVE", profiles);
            // The name NoDecryptedTextInLogsIT scans (target/*.log) for the shared jar's log.
            this.log = Path.of("target", name.equals("shared") ? "browser-it-app.log" : "browser-it-" + name + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the web application and waits until it says it is ready.
     *
     * @param settings further {@code --name=value} settings, for an instance that needs its own (a short idle
     *     timeout, for example)
     */
    public synchronized CasebookUnderTest start(String... settings) {
        assertThat(process).as("started already").isNull();
        var args = new ArrayList<String>(List.of("--server.port=" + port));
        args.addAll(List.of(settings));
        try {
            process = jar(args.toArray(String[]::new))
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    /**
     * The one jar every browser test class shares: {@code prod,evaluation} on PostgreSQL, started at the first
     * call and stopped when the test JVM ends.
     */
    public static synchronized CasebookUnderTest shared() {
        if (shared == null) {
            shared = new CasebookUnderTest("shared", "prod,evaluation").start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /**
     * A further instance on the {@code prod} profile alone, on its own empty database (not even migrated),
     * not started yet: run commands on it first if the test needs to, then {@link #start()}. Close it when done.
     */
    public static CasebookUnderTest production(String name) {
        return new CasebookUnderTest(name, "prod");
    }

    /**
     * A further instance on {@code prod,evaluation} (demo accounts and data) on its own database, not started
     * yet: for a test that needs settings the shared instance must not have. Close it when done.
     */
    public static CasebookUnderTest evaluation(String name) {
        return new CasebookUnderTest(name, "prod,evaluation");
    }

    /** An operator's command run by the jar against this instance's database and keys. */
    public record CommandResult(int exitCode, String output) {}

    /** Runs {@code java -jar casebook.jar args} with this instance's environment, as {@code docker compose run} does. */
    public CommandResult runCommand(String... args) {
        try {
            var output = Files.createTempFile(log.getParent(), "browser-it-command-", ".out");
            var command = jar(args).redirectOutput(output.toFile()).start();
            assertThat(command.waitFor(3, TimeUnit.MINUTES))
                    .as("the command finished")
                    .isTrue();
            var text = Files.readString(output);
            Files.delete(output);
            return new CommandResult(command.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder jar(String... args) {
        var jar = Path.of(System.getProperty("casebook.jar", "target/casebook.jar"));
        assertThat(jar).as("the production jar; run through 'mvnw verify'").exists();
        var command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("CASEBOOK_") || key.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        return builder;
    }

    /** Waits for the line that says Casebook is ready: printed once, after the demo data exists. */
    private void awaitReady() {
        var deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("Casebook exited; see " + log).isTrue();
            if (appLog().contains("Casebook is ready at http://localhost:")) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Casebook did not start within three minutes; see " + log);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The address of a path, such as {@code url("/clients")}. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** The JDBC URL of this instance's PostgreSQL database (superuser: {@link TestPostgres#superuser(String)}). */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** Everything the jar has written so far. */
    public String appLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running jar's process (for its CPU time and for {@code jcmd}), once started. */
    public ProcessHandle processHandle() {
        assertThat(process).as("started").isNotNull();
        return process.toHandle();
    }

    public Path appLogFile() {
        return log;
    }

    /** The variables this instance was started with (keys included: for tests that check the log leaks none). */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /**
     * A page in a fresh browser context (1280 by 800), recording console errors, Content-Security-Policy
     * violations and HTTP errors: read them with {@link #consoleProblems(Page)}.
     */
    public Page newPage() {
        var page = browser()
                .newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))
                .newPage();
        var problems = new CopyOnWriteArrayList<String>();
        PROBLEMS.put(page, problems);
        page.context().onClose(context -> PROBLEMS.remove(page));
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.url().endsWith("/login?error")) {
                problems.add(response.status() + " " + response.url());
            }
        });
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
                problems.add(message.text());
            }
        });
        return page;
    }

    /** The console errors, CSP violations and HTTP errors a page of {@link #newPage()} has met so far. */
    public static List<String> consoleProblems(Page page) {
        return List.copyOf(PROBLEMS.getOrDefault(page, List.of()));
    }

    /** Saves a screenshot of the page into {@link #SCREENSHOTS}. */
    public static void screenshot(Page page, String fileName) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(fileName)));
    }

    /** Signs a demo account in: the demo password, then a fresh code from the demo authenticator secret. */
    public void signIn(Page page, String demoUsername) {
        submitPassword(page, demoUsername, DEMO_PASSWORD);
        page.waitForURL(Pattern.compile(".*/login/code$"));
        page.getByLabel("Code from your authenticator app").fill(nextCode(demoUsername, DEMO_TOTP_SECRET));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                .click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Types a username and password on the sign-in page and submits them; what follows is the caller's. */
    public void submitPassword(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /**
     * A code from the secret for a time step this account has not used yet (codes are single-use; the app
     * accepts the next step too, so a second sign-in within 30 seconds needs no wait).
     */
    public static String nextCode(String username, String base32Secret) {
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
        return totp(base32Secret, step);
    }

    /** RFC 6238 with HMAC-SHA1 and six digits, written out here so the tests do not trust the app's own. */
    public static String totp(String base32Secret, long step) {
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
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One headless Chromium for the whole test JVM (Debian's, as root: see TOOLCHAIN). */
    private static synchronized Browser browser() {
        if (browser == null) {
            var chromium = Path.of(System.getProperty("casebook.chromium", "/usr/bin/chromium"));
            assertThat(chromium)
                    .as("Chromium for browser tests: apt-get install chromium")
                    .exists();
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(chromium)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    browser.close();
                    playwright.close();
                } catch (RuntimeException alreadyGone) {
                    // the JVM is ending anyway
                }
            }));
        }
        return browser;
    }

    /** Stops the jar (and waits, so its log is complete). */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Casebook " + name + " at " + baseUrl;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (var path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
