package org.casebook.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.time.DateTimeException;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * What a person sees when something reaches the browser's connection unhandled, instead of an exception:
 * <ul>
 *   <li>a value no field can hold (a tampered request sending 2026-02-30 or "not-a-date" to a date picker,
 *   whose parsing throws before any view code runs): a message at that field;</li>
 *   <li>a refusal a view did not catch ({@link InvalidFields}): its messages, at the field or as a notification;</li>
 *   <li>a database failure: a plain sentence, never the SQL (the operators' log names the failure's type only,
 *   since a database message can quote the row it refused).</li>
 * </ul>
 * Everything else goes to Vaadin's default handling.
 */
@Component
class UnreadableInput implements VaadinServiceInitListener {

    static final String NOT_A_DATE = "This is not a date: check the day, month and year.";
    static final String DATABASE_FAILED = "Casebook could not save or load this just now; nothing was changed. "
            + "Try again, and tell the administrator if it happens again.";

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableInput.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new Handler()));
    }

    static final class Handler implements ErrorHandler {

        private final DefaultErrorHandler fallback = new DefaultErrorHandler();

        @Override
        public void error(ErrorEvent event) {
            var thrown = event.getThrowable();
            var invalid = find(thrown, InvalidFields.class);
            var date = find(thrown, DateTimeException.class);
            var database = find(thrown, DataAccessException.class);
            if (invalid != null) {
                showAt(event, invalid.getMessage());
            } else if (date != null) {
                showAt(event, NOT_A_DATE);
            } else if (database != null) {
                // Names only: a database message can quote the row it refused.
                LOG.error("A database operation failed: {} caused by {}", database.getClass().getName(),
                        database.getMostSpecificCause().getClass().getName());
                notify(DATABASE_FAILED);
            } else {
                fallback.error(event);
            }
        }

        private static void showAt(ErrorEvent event, String message) {
            var field = event.getComponent().filter(HasValidation.class::isInstance).map(HasValidation.class::cast);
            if (field.isPresent()) {
                field.get().setErrorMessage(message);
                field.get().setInvalid(true);
            } else {
                notify(message);
            }
        }

        private static void notify(String message) {
            Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.ERROR);
        }

        private static <T extends Throwable> @Nullable T find(@Nullable Throwable thrown, Class<T> type) {
            for (var t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (type.isInstance(t)) {
                    return type.cast(t);
                }
            }
            return null;
        }
    }
}
