package org.casebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.vaadin.flow.router.Route;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every route and every dialog of each role, each on a fresh page load of the production jar in real
 * Chromium. A page fails when a Vaadin component is not upgraded (its JavaScript is missing from the
 * production bundle, so it is drawn as nothing), when the browser console reports an error, when a
 * request fails, or when Vaadin shows "Internal error". All problems of a role are reported together.
 */
class EveryDialogBrowserIT {

    /**
     * Elements named {@code vaadin-*} that are never custom elements: plain light-DOM containers that the
     * grid creates for cell content and the dialog for its content. Every other {@code vaadin-*} element
     * must have a shadow root or be an upgraded custom element (such as {@code vaadin-grid-column}).
     */
    private static final List<String> LIGHT_DOM_ONLY = List.of("vaadin-grid-cell-content", "vaadin-dialog-content");

    /** Routes that the sign-in itself opens on a fresh page. */
    private static final Set<String> SIGN_IN_ROUTES = Set.of("login", "login/code");

    private static final String CLIENT_CODE = "[2-9A-Z]{3}-[2-9A-Z]{3}";

    private Page page;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<String> problems = new ArrayList<>();

    @Test
    void everyRouteAndDialogOfACounsellorDrawsEveryComponent() {
        signInAs("counsellor1");
        var code = firstOverdueNoteClient();
        for (var route : List.of(
                "",
                "clients",
                "appointments",
                "referral/new",
                "re-consent",
                "safeguarding",
                "supervision/records",
                "account/password",
                "consent/" + code,
                "safeguarding/new/" + code,
                "plan/" + code)) {
            open(route);
        }
        open("client/" + code);
        fromMoreMenu("close the case", "Close the case", "Close " + code);
        open("client/" + code);
        dialog("link a contact", "Link a contact", "Link a contact to " + code);
        open("client/" + code);
        dialog("log a contact", "Log a contact", "Log a contact for " + code);
        open("client/" + code);
        dialog("change the safe channels", "Change safe channels", "How may " + code + " be contacted?");
        open("");
        dialog("add a task", "New task", "New task");
        open("contacts");
        dialog("add to the contacts directory", "Add a contact", "New contact");
        open("calendar");
        dialog("working hours", "Working hours", "Your working hours");

        open("sessions/" + code);
        dialog(
                "record an appointment's outcome",
                page.locator(".appointment vaadin-button").first(),
                "What became of");
        open("sessions/" + code);
        bookTwiceAtTheSameTime(code);
        open("sessions/" + code);
        dialog(
                "set when a reminder goes",
                page.locator(".appointment vaadin-button.reminder-time").first(),
                "When to remind the client");

        open("appointments");
        var note = page.locator("a[href^='note/']").first();
        note.waitFor();
        open(note.getAttribute("href"));
        dialog("sign a note", "Sign note", "Sign this note?");

        open("plan/" + code);
        dialog("export the plan (confirm it is you)", "Export as PDF", "Confirm");

        // The refusal looks the same whether or not the client exists, so a code nobody has will do.
        open("client/ZZZ-ZZZ");
        dialog("break the glass: the reason", "Open in an emergency (break-glass)", "Break-glass access");
        page.getByLabel("Why do you need to open this client now?").fill("Fictional emergency for the browser test");
        dialog("break the glass: confirm it is you", "Continue", "Confirm it is you");

        openFirstConcern();

        // One branded refusal inside the shell, the same for a page the role may not open and one that does not exist.
        for (var refused : List.of("admin/staff", "no-such-page")) {
            console.clear();
            if (refused.equals("admin/staff")) {
                page.navigate(baseUrl + "/" + refused);
            } else {
                // Within the application, as a link would: a typed unknown address never reaches Vaadin, Spring
                // Security refuses it first.
                page.evaluate(
                        "route => { const a = document.createElement('a'); a.href = route;"
                                + " a.setAttribute('router-link', ''); a.textContent = route; document.body.appendChild(a); a.click();"
                                + " a.remove(); }",
                        refused);
            }
            noAccessPage(refused);
            // The refusal's own status (404, the same for both) is expected here; anything else is not.
            console.removeIf(message -> message.startsWith("HTTP 404 ") && message.endsWith("/" + refused));
            check("route /" + refused);
        }
        assertNoProblems();
    }

    private void noAccessPage(String route) {
        try {
            page.locator(".no-access h1").waitFor(new Locator.WaitForOptions().setTimeout(20_000));
            if (page.getByText("Could not navigate").count() > 0
                    || page.locator(".app-header").count() == 0) {
                problems.add("route /" + route + ": not the branded No access page inside the shell");
            }
        } catch (PlaywrightException notThere) {
            problems.add("route /" + route + ": no No access page");
        }
    }

    @Test
    void everyRouteAndDialogOfASupervisorDrawsEveryComponent() {
        signInAs("supervisor");
        for (var route : List.of(
                "",
                "clients",
                "referral/new",
                "waiting-list",
                "re-consent",
                "safeguarding",
                "supervision",
                "supervision/break-glass",
                "audit",
                "account/password",
                "calendar",
                "contacts")) {
            open(route);
        }
        open("supervision/records");
        shown("new supervision record form", "New supervision record", ".supervision-record-form");

        for (var action : List.of("Triage", "Add to waiting list", "Assign", "Reassign")) {
            open("waiting-list");
            dialog(
                    "waiting list: " + action,
                    page.getByRole(
                                    AriaRole.BUTTON,
                                    new Page.GetByRoleOptions().setName(action).setExact(true))
                            .first(),
                    action.equals("Add to waiting list") ? "Waiting list: " : action + " ");
        }

        open("supervision");
        dialog(
                "waiting for assignment",
                page.locator(".supervision-view vaadin-button")
                        .filter(new Locator.FilterOptions()
                                .setHasText(Pattern.compile("waiting", Pattern.CASE_INSENSITIVE)))
                        .first(),
                "Waiting for assignment");
        // One of each kind of figure ("Active caseload of Casey Counsellor (demo): 3"); each list names the counsellor.
        var figures = new java.util.LinkedHashMap<String, String>();
        for (var button : page.locator("vaadin-button.figure[aria-label]").all()) {
            var label = button.getAttribute("aria-label");
            figures.putIfAbsent(
                    label.substring(0, label.indexOf(" of ")),
                    label.substring(label.indexOf(" of ") + 4, label.lastIndexOf(": ")));
        }
        assertThat(figures).as("figures on the supervision dashboard").hasSizeGreaterThanOrEqualTo(6);
        figures.forEach((figure, counsellor) -> {
            open("supervision");
            dialog(
                    "dashboard figure: " + figure,
                    page.locator("vaadin-button.figure[aria-label^='" + figure + " of ']")
                            .first(),
                    counsellor);
        });
        open("supervision");
        dialog(
                "dashboard: active caseload",
                page.locator("vaadin-button.figure[aria-label]").first(),
                "Active caseload of");
        dialog(
                "dashboard: reassign",
                page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Reassign").setExact(true))
                        .first(),
                "Reassign ");

        for (var outcome : List.of("Acknowledge", "Escalate")) {
            open("supervision/break-glass");
            dialog(
                    "break-glass review: " + outcome,
                    page.getByRole(
                                    AriaRole.BUTTON,
                                    new Page.GetByRoleOptions().setName(outcome).setExact(true))
                            .first(),
                    outcome);
        }

        open("clients");
        var code = page.locator("vaadin-grid-cell-content")
                .getByText(Pattern.compile("^" + CLIENT_CODE + "$"))
                .first()
                .innerText()
                .strip();
        for (var route : List.of("sessions/" + code, "plan/" + code, "consent/" + code, "safeguarding/new/" + code)) {
            open(route);
        }
        open("client/" + code);
        fromMoreMenu("exclude a member of staff", "Exclude a member of staff", "Exclude from " + code);
        open("client/" + code);
        fromMoreMenu("close the case (supervisor)", "Close the case", "Close " + code);
        dataProtection(code);

        openFirstConcern();
        assertNoProblems();
    }

    @Test
    void everyRouteOfAnAdministratorDrawsEveryComponent() {
        signInAs("admin");
        for (var route : List.of("", "audit", "account/password", "data-protection/retention")) {
            open(route);
        }
        open("admin/staff");
        shown("new account form", "New account", ".staff-form");
        assertNoProblems();
    }

    /** Runs last in practice but must not depend on order: it checks the list of routes, not the visits. */
    @Test
    void theseTestsNameEveryRouteOfTheApplication() {
        var named = new TreeSet<String>(SIGN_IN_ROUTES);
        named.addAll(List.of(
                "",
                "clients",
                "appointments",
                "referral/new",
                "re-consent",
                "safeguarding",
                "supervision/records",
                "account/password",
                "consent",
                "safeguarding/new",
                "plan",
                "client",
                "sessions",
                "note",
                "safeguarding/concern",
                "waiting-list",
                "supervision",
                "supervision/break-glass",
                "audit",
                "admin/staff",
                "data-protection/retention",
                "data-protection/requests",
                "data-protection/request",
                "calendar",
                "contacts"));
        assertThat(routesInTheCode())
                .as("every @Route must be opened by a test in this class")
                .isSubsetOf(named);
    }

    // ---------------------------------------------------------------------------------------------------
    // Visiting pages and dialogs, and what counts as a problem

    private void open(String route) {
        console.clear();
        var response = page.navigate(baseUrl + "/" + route);
        if (!"DENY".equals(response.headerValue("x-frame-options"))) {
            problems.add("route /" + route + ": X-Frame-Options is " + response.headerValue("x-frame-options"));
        }
        check("route /" + route);
    }

    private void dialog(String what, String buttonText, String expectedText) {
        dialog(
                what,
                page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName(buttonText).setExact(true))
                        .first(),
                expectedText);
    }

    /** Clicks the button and checks the dialog that opens (one whose title contains the expected text). */
    private void dialog(String what, Locator button, String expectedText) {
        reveal(
                "dialog: " + what,
                button,
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName(expectedText)));
    }

    /** Opens the client page's "More" menu and checks the dialog its action opens. */
    private void fromMoreMenu(String what, String action, String expectedText) {
        page.locator(".client-actions vaadin-menu-bar-button").first().click();
        dialog(
                what,
                page.getByRole(
                                AriaRole.MENUITEM,
                                new Page.GetByRoleOptions().setName(action).setExact(true))
                        .first(),
                expectedText);
    }

    /** Clicks the button and checks the part of the page it shows (a form that is not a dialog). */
    private void shown(String what, String buttonText, String selector) {
        reveal(
                what,
                page.getByRole(
                                AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName(buttonText).setExact(true))
                        .first(),
                page.locator(selector));
    }

    private void reveal(String what, Locator button, Locator shown) {
        try {
            button.click(new Locator.ClickOptions().setTimeout(20_000));
            // A dialog's host element is laid out as display: contents, so it is attached, never "visible".
            shown.first()
                    .waitFor(new Locator.WaitForOptions()
                            .setState(WaitForSelectorState.ATTACHED)
                            .setTimeout(20_000));
        } catch (PlaywrightException notThere) {
            problems.add(what + ": did not open ("
                    + notThere.getMessage()
                            .lines()
                            .filter(line -> line.contains("message=") || line.contains("waiting for"))
                            .toList()
                    + ")");
            return;
        }
        check(what);
    }

    private void check(String where) {
        settle();
        try {
            page.waitForFunction(
                    "list => (" + NOT_UPGRADED + ")(list).length === 0",
                    LIGHT_DOM_ONLY,
                    new Page.WaitForFunctionOptions().setTimeout(5_000));
        } catch (PlaywrightException stillMissing) {
            problems.add(where + ": components not upgraded (missing from the bundle?): "
                    + page.evaluate(NOT_UPGRADED, LIGHT_DOM_ONLY));
        }
        if (page.getByText("Internal error").count() > 0) {
            problems.add(where + ": shows \"Internal error\"");
        }
        console.forEach(message -> problems.add(where + ": " + message));
        console.clear();
        Axe.violations(page).forEach(violation -> problems.add(where + ": accessibility: " + violation));
    }

    /** Waits until Vaadin has no request under way. */
    private void settle() {
        page.waitForLoadState();
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** Tags of {@code vaadin-*} elements (in the page and every shadow root) without a shadow root of their own. */
    private static final String NOT_UPGRADED = """
            (lightDomOnly) => {
              const missing = new Set();
              const walk = root => root.querySelectorAll('*').forEach(el => {
                const tag = el.localName;
                if (tag.startsWith('vaadin-') && !el.shadowRoot && !lightDomOnly.includes(tag)) {
                  const defined = customElements.get(tag);
                  if (!(defined && el instanceof defined)) missing.add(tag);
                }
                if (el.shadowRoot) walk(el.shadowRoot);
              });
              walk(document);
              return [...missing].sort();
            }""";

    private String firstOverdueNoteClient() {
        open("");
        var overdue = page.locator(".overdue-notes a").first();
        overdue.waitFor();
        var code = overdue.innerText().strip();
        assertThat(code).matches(CLIENT_CODE);
        return code;
    }

    private void openFirstConcern() {
        open("safeguarding");
        var concern = page.locator("a[href^='safeguarding/concern/']").first();
        concern.waitFor();
        open(concern.getAttribute("href"));
    }

    /**
     * Books twice, the second a quarter of an hour into the first (50 minutes): the first booking succeeds
     * and leaves the emptied date and time without an error, the second opens the overlap dialog.
     */
    private void bookTwiceAtTheSameTime(String code) {
        var day = LocalDate.now(ZoneId.of("Europe/London"))
                .plusDays(40)
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        for (int attempt = 0; attempt < 2; attempt++) {
            var inputs = page.locator(".sessions-view vaadin-date-time-picker input");
            inputs.nth(0).fill(day);
            inputs.nth(0).press("Enter");
            inputs.nth(1).fill(attempt == 0 ? "07:15" : "07:30");
            inputs.nth(1).press("Enter");
            settle();
            if (attempt == 0) {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book appointment"))
                        .click();
                page.getByText("Booked for").first().waitFor();
                settle();
                var left = inputs.nth(0).inputValue() + inputs.nth(1).inputValue();
                if (!left.isEmpty()) {
                    problems.add(
                            "sessions/" + code + ": after a successful booking the date and time still shows " + left);
                }
                if (page.locator(".sessions-view vaadin-date-time-picker[invalid]")
                                .count()
                        > 0) {
                    problems.add("sessions/" + code + ": after a successful booking the cleared date and time shows "
                            + "an error: "
                            + page.locator(".sessions-view vaadin-date-time-picker")
                                    .innerText());
                }
            } else {
                var before = problems.size();
                dialog("book over another appointment", "Book appointment", "This overlaps another appointment");
                if (problems.size() > before) {
                    problems.add("sessions/" + code + ": the booking said: "
                            + page.locator(".sessions-view .form-message").innerText());
                }
            }
        }
    }

    /** A legal hold placed and released, and a subject access request logged, reviewed and exported. */
    private void dataProtection(String code) {
        open("data-protection/retention");
        page.getByLabel("Client code").fill(code);
        page.getByLabel("Why the record must be kept").fill("Fictional court case for the browser test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place legal hold"))
                .click();
        settle();
        dialog("release a legal hold", "Release", "Release the legal hold");
        open("data-protection/requests");
        page.getByLabel("Client code").fill(code);
        page.locator("vaadin-select").first().click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Subject access"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log request"))
                .click();
        page.waitForURL(Pattern.compile(".*/data-protection/request/.*"));
        var request = page.url().substring(page.url().indexOf("data-protection/request/"));
        open(request);
        dialog("subject access: withhold", "Withhold", "Withhold from");
        open(request);
        dialog("subject access: export (confirm it is you)", "Produce export", "Confirm it is you");
    }

    private void assertNoProblems() {
        assertThat(problems)
                .as("problems on fresh page loads of the production jar")
                .isEmpty();
    }

    private static Set<String> routesInTheCode() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var routes = new TreeSet<String>();
        for (var candidate : scanner.findCandidateComponents("org.casebook")) {
            try {
                var route = Class.forName(candidate.getBeanClassName())
                        .getAnnotation(Route.class)
                        .value();
                if (!route.startsWith("test-only/")) { // test sources' own routes, never in the jar
                    routes.add(route);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(routes).as("routes found in the code").hasSizeGreaterThan(10);
        return routes;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    // ---------------------------------------------------------------------------------------------------
    // The shared production jar on PostgreSQL (CasebookUnderTest), and sign-in with this test's own checks.

    private static CasebookUnderTest casebook;
    private static String baseUrl;

    @BeforeAll
    static void useTheSharedCasebook() {
        casebook = CasebookUnderTest.shared();
        baseUrl = casebook.baseUrl();
    }

    @AfterAll
    static void noComponentWasLeftOutOfTheBundle() {
        assertThat(casebook.appLog())
                .as("Vaadin's own report of a component missing from the bundle")
                .doesNotContain("was not included when creating the production bundle");
    }

    private void signInAs(String username) {
        page = casebook.newPage();
        page.setViewportSize(1366, 900);
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") || message.text().contains("Content Security Policy")) {
                console.add("console: " + message.text());
            }
        });
        page.onPageError(error -> console.add("page error: " + firstLine(error)));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                console.add("HTTP " + response.status() + " " + response.url());
            }
        });
        page.navigate(baseUrl + "/login");
        check("route /login");
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(CasebookUnderTest.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(Pattern.compile(".*/login/code$"));
        check("route /login/code");
        page.getByLabel("Code from your authenticator app")
                .fill(CasebookUnderTest.nextCode(username, CasebookUnderTest.DEMO_TOTP_SECRET));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue"))
                .click();
        page.waitForURL(url -> !url.contains("/login"));
    }
}
