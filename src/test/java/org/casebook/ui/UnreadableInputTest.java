package org.casebook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.ErrorEvent;
import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import org.casebook.KaribuTest;
import org.casebook.validation.InvalidFields;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** What reaches the browser's connection unhandled becomes a message at the field, never an exception page. */
class UnreadableInputTest extends KaribuTest {

    @Autowired
    ErrorNotifications handler;

    @Test
    void aTamperedDateIsAMessageAtItsPicker() {
        var picker = new DatePicker("Date received");
        UI.getCurrent().add(picker);
        // What a tampered request does: Vaadin's own parsing throws before any view code runs.
        Throwable thrown = null;
        try {
            picker.getElement().setProperty("value", "2026-02-30");
        } catch (RuntimeException e) {
            thrown = e;
        }
        assertThat(thrown).isNotNull();
        assertThat(findDateProblem(thrown)).isTrue();

        handler.handle(new ErrorEvent(thrown, picker.getElement().getNode()));

        assertThat(picker.isInvalid()).isTrue();
        assertThat(picker.getErrorMessage()).isEqualTo(UnreadableInput.NOT_A_DATE);
    }

    @Test
    void textThatIsNotADateIsTheSame() {
        var picker = new DatePicker("From");
        UI.getCurrent().add(picker);
        assertThatThrownBy(() -> picker.getElement().setProperty("value", "not-a-date"))
                .satisfies(e ->
                        handler.handle(new ErrorEvent(e, picker.getElement().getNode())));
        assertThat(picker.getErrorMessage()).isEqualTo(UnreadableInput.NOT_A_DATE);
    }

    @Test
    void aRefusalNoViewCaughtIsShownAtItsField() {
        var picker = new DatePicker("To");
        UI.getCurrent().add(picker);
        handler.handle(new ErrorEvent(
                new InvalidFields("to", "Enter a date between 1 January 1926 and today."),
                picker.getElement().getNode()));
        assertThat(picker.getErrorMessage()).isEqualTo("Enter a date between 1 January 1926 and today.");
    }

    @Test
    void aDatabaseFailureIsAnIncidentInPlainWordsWithoutSql() {
        UI.getCurrent().navigate(FailingTestView.class);
        handler.handle(new ErrorEvent(new DataIntegrityViolationException(
                "could not execute statement [Check constraint invalid: \"REFERRAL_SOURCE_KNOWN\"; SQL statement: "
                        + "insert into referral (id, source) values (?, ?)]")));
        assertThat(_get(Div.class, spec -> spec.withClasses("error-notification"))
                        .getText())
                .startsWith("Something went wrong")
                .doesNotContain("insert")
                .doesNotContain("constraint");
    }

    private static boolean findDateProblem(Throwable thrown) {
        for (var t = thrown; t != null; t = t.getCause()) {
            if (t instanceof DateTimeParseException || t instanceof DateTimeException) {
                return true;
            }
        }
        return false;
    }
}
