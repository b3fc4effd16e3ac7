package org.casebook.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.server.ErrorEvent;
import java.time.DateTimeException;
import java.util.Optional;
import org.casebook.validation.InvalidFields;
import org.jspecify.annotations.Nullable;

/**
 * The part of the one error handling ({@link ErrorNotifications}) that belongs at a field rather than in a
 * notification:
 * <ul>
 *   <li>a value no field can hold (a tampered request sending 2026-02-30 or "not-a-date" to a date picker,
 *   whose parsing throws before any view code runs): a message at that field;</li>
 *   <li>a refusal a view did not catch ({@link InvalidFields}): its message at the field, or else as a
 *   plain notification.</li>
 * </ul>
 */
final class UnreadableInput {

    static final String NOT_A_DATE = "This is not a date: check the day, month and year.";

    private UnreadableInput() {}

    /** The message for the person, when the failure is input to correct; empty for any other failure. */
    static Optional<String> messageFor(Throwable thrown) {
        var invalid = find(thrown, InvalidFields.class);
        if (invalid != null) {
            return Optional.ofNullable(invalid.getMessage());
        }
        return find(thrown, DateTimeException.class) != null ? Optional.of(NOT_A_DATE) : Optional.empty();
    }

    /** Shows the message at the component that received the input; false when that is not a field. */
    static boolean showAtField(ErrorEvent event, String message) {
        var field = event.getComponent().filter(HasValidation.class::isInstance).map(HasValidation.class::cast);
        field.ifPresent(f -> {
            f.setErrorMessage(message);
            f.setInvalid(true);
        });
        return field.isPresent();
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
