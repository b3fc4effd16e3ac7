package org.casebook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;

class FieldMessagesTest {

    @Test
    void aLimitedFieldSaysItsLimitOnceAndCountsNearItButNeverCutsWhatIsTyped() {
        var area = new TextArea("Summary");
        area.setHelperText("Facts only.");
        FieldMessages.limit(area, 4000);
        FieldMessages.limit(area, 4000);
        assertThat(area.getHelperText()).isEqualTo("Facts only. Up to 4,000 characters.");
        assertThat(area.getElement().getAttribute(FieldMessages.COUNTED)).isEqualTo("4000");
        // No maxlength: the browser would cut a pasted text silently; the service refuses it with a message.
        assertThat(area.getMaxLength()).isNotEqualTo(4000);
        area.setValue("x".repeat(10_000));
        assertThat(area.getValue()).hasSize(10_000);
        assertThat(FieldMessages.COUNTER).contains("max * 0.8", "too many");
    }
}
