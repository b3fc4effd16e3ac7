package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(40);

    /** Its own instance: the shared one keeps the usual timeout, which the other journeys need. */
    private static CasebookUnderTest casebook;

    private Page page;

    @BeforeAll
    static void startCasebookWithAShortIdleTimeout() {
        casebook = CasebookUnderTest.evaluation("idle")
                .start(
                        "--server.servlet.session.timeout=" + IDLE_TIMEOUT.toSeconds() + "s",
                        "--casebook.security.idle-warning=2m", // capped at a third of the timeout
                        "--vaadin.heartbeatInterval=2");
    }

    @AfterAll
    static void stopCasebook() {
        if (casebook != null) {
            casebook.close();
        }
    }

    private final List<String> traffic = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void openPage() {
        page = casebook.newPage();
        // What the page sent, kept for reading when a test fails (target/idle-it-traffic.log).
        page.onResponse(response -> traffic.add(Instant.now() + " "
                + response.request().method() + " "
                + response.url().replace(casebook.baseUrl(), "") + " " + response.status() + " "
                + (response.url().contains("v-r=uidl") ? response.request().postData() : "")));
    }

    @AfterEach
    void closePage() throws IOException {
        page.context().close();
        Files.write(
                Path.of("target", "idle-it-traffic.log"),
                traffic,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void aTabLeftOpenOnAPollingPageWarnsAtTwoThirdsAndThenShowsTheSignInPage() {
        signIn("counsellor1");
        page.navigate(casebook.baseUrl() + "/safeguarding");
        page.locator(".user-name").waitFor();
        var openedAt = Instant.now();
        var warning = page.locator(".idle-warning");
        assertThat(warning.isHidden()).as("no warning at once").isTrue();

        warning.waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(WaitForSelectorState.VISIBLE)
                .setTimeout(IDLE_TIMEOUT.toMillis()));
        var warnedAfter = Duration.between(openedAt, Instant.now());
        assertThat(warnedAfter)
                .as("the warning comes a third of the timeout before the end")
                .isGreaterThan(IDLE_TIMEOUT.multipliedBy(2).dividedBy(3).minusSeconds(3));
        assertThat(warning.innerText()).contains("signed out in 13 seconds");
        CasebookUnderTest.screenshot(page, "idle-open-tab-warning.png");

        // Left unanswered: the heartbeat (every 2 s) and the page's polling go on, the session does not.
        page.waitForURL(Pattern.compile(".*/login$"), new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(Duration.between(openedAt, Instant.now())).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusSeconds(1));
        page.locator("input[name='username']").waitFor();
        CasebookUnderTest.screenshot(page, "idle-open-tab-signed-out.png");

        page.navigate(casebook.baseUrl() + "/clients");
        page.waitForURL(Pattern.compile(".*/login$"));
    }

    @Test
    void answeringTheWarningIsAnActionThatKeepsTheSession() throws Exception {
        signIn("counsellor1");
        var openedAt = Instant.now();
        var warning = page.locator(".idle-warning");
        warning.waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(WaitForSelectorState.VISIBLE)
                .setTimeout(IDLE_TIMEOUT.toMillis()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in"))
                .click();
        warning.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));

        // Past the first deadline and the page's own check after it: still signed in.
        var pastDeadline =
                Duration.between(Instant.now(), openedAt.plus(IDLE_TIMEOUT).plusSeconds(5));
        Thread.sleep(Math.max(0, pastDeadline.toMillis()));
        assertThat(page.url()).doesNotContain("/login");
        page.navigate(casebook.baseUrl() + "/clients");
        page.locator(".user-name").waitFor();
        assertThat(page.url()).endsWith("/clients");
    }

    private void signIn(String username) {
        casebook.signIn(page, username);
        page.locator(".user-name").waitFor();
    }
}
