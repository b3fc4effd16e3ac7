package org.casebook.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.casebook.CasebookUnderTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calendar in Chromium against the production jar (its FullCalendar code comes from the production
 * bundle) under the application's Content-Security-Policy: it shows the demo counsellor's appointments, and
 * dragging one moves it on the server.
 */
class CalendarBrowserIT {

    private static final CasebookUnderTest casebook = CasebookUnderTest.shared();

    private Page page;

    @BeforeEach
    void openPage() {
        page = casebook.newPage();
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    @Test
    void theCalendarShowsAppointmentsAndDraggingOneMovesIt() {
        casebook.signIn(page, "counsellor1");
        page.navigate(casebook.url("/calendar"));
        var calendar = page.locator("casebook-calendar").first();
        calendar.locator(".fc-timegrid").waitFor();
        var events = calendar.locator(".fc-event.fc-event-draggable");
        // The demo books coming appointments two to four days ahead: this week or the next.
        for (int week = 0; week < 2 && events.count() == 0; week++) {
            calendar.locator(".fc-next-button").click();
            page.waitForTimeout(500);
        }
        events.first().waitFor();
        assertThat(events.first().innerText()).containsPattern("[2-9A-Z]{3}-[2-9A-Z]{3}");
        CasebookUnderTest.screenshot(page, "calendar-week.png");

        var event = events.first();
        var code = event.innerText().replaceAll("(?s).*?([2-9A-Z]{3}-[2-9A-Z]{3}).*", "$1");
        var box = event.boundingBox();
        var slot = calendar.locator(".fc-timegrid-slot-lane").first().boundingBox();
        page.mouse().move(box.x + box.width / 2, box.y + 5);
        page.mouse().down();
        page.mouse()
                .move(
                        box.x + box.width / 2,
                        box.y + 5 + slot.height,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse()
                .move(
                        box.x + box.width / 2,
                        box.y + 5 + slot.height * 4,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(10));
        page.mouse().up();

        // Moving may first ask (a series, an overlap, working hours); the person confirms each question.
        var moved = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("moved to"));
        for (int question = 0; question < 3 && !moved.isVisible(); question++) {
            var answer = page.locator("vaadin-dialog-overlay vaadin-button")
                    .filter(new Locator.FilterOptions()
                            .setHasText(java.util.regex.Pattern.compile("Only this one|Move anyway")));
            try {
                answer.first().click(new Locator.ClickOptions().setTimeout(3000));
            } catch (com.microsoft.playwright.TimeoutError none) {
                break;
            }
        }
        moved.first().waitFor();
        assertThat(moved.first().innerText()).contains(code);
        CasebookUnderTest.screenshot(page, "calendar-moved.png");
        assertThat(CasebookUnderTest.consoleProblems(page)).isEmpty();
    }
}
