package org.casebook.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Locale;
import org.casebook.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

class BritishLocaleTest extends KaribuTest {

    @Test
    @WithUserDetails("counsellor1")
    void datesAreShownTheBritishWayWhateverTheBrowserSays() {
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.UK);
        var picker = new DatePicker("Date received");
        UI.getCurrent().add(picker);
        assertThat(picker.getLocale()).isEqualTo(Locale.UK);
    }
}
