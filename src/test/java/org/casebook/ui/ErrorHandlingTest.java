package org.casebook.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.casebook.KaribuTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.CannotCreateTransactionException;

@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingTest extends KaribuTest {

    @Test
    @WithUserDetails("counsellor1")
    void aPageThatFailsToOpenShowsPlainWordsAndTheReferenceOfTheOneLogLine(CapturedOutput output) {
        UI.getCurrent().navigate("test-only/failing", QueryParameters.simple(Map.of("fail", "")));

        var page = _get(ErrorView.class);
        assertThat(page.heading.getText()).isEqualTo("This page could not be opened");
        var reference = page.reference.getText();
        assertThat(reference).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}");
        assertThat(page.getElement().getTextRecursively()).doesNotContain("select", "ERROR", "Exception");
        assertThat(output.getAll().lines().filter(line -> line.contains("Incident " + reference)))
                .singleElement()
                .asString()
                .contains("ERROR", "java.lang.IllegalStateException");
        assertThat(output.getAll()).doesNotContain(FailingTestView.SECRET);
    }

    @Test
    @WithUserDetails("counsellor1")
    void aFailedClickShowsOneNotificationInPlainWordsAndKeepsTheTypedText(CapturedOutput output) {
        UI.getCurrent().navigate(FailingTestView.class);
        var view = _get(FailingTestView.class);
        _setValue(view.typed, "what the counsellor typed");

        // Karibu hands a listener's exception to the test; Vaadin's request handler gives it to the session's handler.
        var failure = catchThrowable(() -> _click(view.fail));
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));

        var text =
                _get(Div.class, spec -> spec.withClasses("error-notification")).getText();
        assertThat(text)
                .startsWith("Something went wrong and Casebook could not finish this.")
                .doesNotContain("select", "ERROR", "Exception");
        var reference = text.replaceAll(".*reference: ([A-Z0-9]{8})\\.$", "$1");
        assertThat(output.getAll().lines().filter(line -> line.contains("Incident " + reference)))
                .hasSize(1);
        assertThat(output.getAll()).doesNotContain(FailingTestView.SECRET);
        assertThat(view.typed.getValue()).isEqualTo("what the counsellor typed");
    }

    @Test
    @WithUserDetails("counsellor1")
    void anUnreachableDatabaseIsNamedAsSuchInEverySession() {
        UI.getCurrent().navigate(FailingTestView.class);
        var failure = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));

        assertThat(_get(Div.class, spec -> spec.withClasses("error-notification"))
                        .getText())
                .startsWith("Casebook cannot reach its database; your text is kept, try again in a moment.");
    }
}
