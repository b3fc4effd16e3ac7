package org.casebook.ui;

import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.casebook.validation.DateRange;
import org.casebook.validation.InvalidFields;

/**
 * Binds a service's {@link InvalidFields} to the form's fields, and gives fields the same limits the
 * services apply ({@link DateRange}, {@link org.casebook.validation.Text}). What was typed stays in the field.
 */
public final class FieldMessages {

    private FieldMessages() {}

    /**
     * Marks each field named in the refusal with its message and clears the others; a message for a field
     * the form does not show appears as a notification, so no message is lost.
     */
    public static void show(InvalidFields invalid, Map<String, ? extends HasValidation> fields) {
        fields.forEach((name, field) -> {
            var message = invalid.messageFor(name);
            field.setErrorMessage(message);
            field.setInvalid(message != null);
        });
        invalid.fieldErrors().forEach((name, message) -> {
            if (!fields.containsKey(name)) {
                Notification.show(message, 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.ERROR);
            }
        });
    }

    /** Clears the marks {@link #show} set. */
    public static void clear(HasValidation... fields) {
        for (var field : fields) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    /** Offers only the dates the service accepts for this kind of date. */
    public static DatePicker limit(DatePicker picker, DateRange range, LocalDate today) {
        picker.setMin(range.earliest(today));
        picker.setMax(range.latest(today));
        return picker;
    }

    /**
     * Shows the service's limit under the field. The browser is not told to stop at it: a pasted text cut
     * silently loses its end, so a longer text reaches the service, which refuses it with a message at the
     * field saying how long it is, and the text stays for the person to shorten.
     */
    public static <T extends HasHelper> T limit(T field, int maxLength) {
        var limit = "Up to " + String.format(Locale.UK, "%,d", maxLength) + " characters.";
        var helper = field.getHelperText();
        if (helper == null || !helper.contains(limit)) {
            field.setHelperText(helper == null || helper.isBlank() ? limit : helper + " " + limit);
        }
        if (field instanceof com.vaadin.flow.component.Component component) {
            component.getElement().setAttribute(COUNTED, String.valueOf(maxLength));
            component.addAttachListener(attach -> component.getElement().executeJs(COUNTER, maxLength));
        }
        return field;
    }

    /** The attribute that marks a field with a length counter, holding its limit. */
    static final String COUNTED = "data-max-length";

    /**
     * Near the limit (from 80 %) the helper text counts the characters as the person types or pastes, and says
     * how many are too many: nothing is cut, the service refuses and the text stays to be shortened.
     */
    static final String COUNTER = """
            const field = this;
            const max = $0;
            if (field.casebookCounter) { return; }
            field.casebookCounter = true;
            const format = n => n.toLocaleString('en-GB');
            const suffix = / \\u2014 [\\d,]+ of [\\d,]+ characters.*$/u;
            field.addEventListener('input', () => {
                const length = (field.value || '').length;
                const base = (field.helperText || '').replace(suffix, '');
                if (length < max * 0.8) {
                    field.helperText = base;
                    return;
                }
                const over = length - max;
                field.helperText = base + ' \\u2014 ' + format(length) + ' of ' + format(max) + ' characters'
                        + (over > 0 ? ': ' + format(over) + ' too many' : '');
            });
            """;
}
