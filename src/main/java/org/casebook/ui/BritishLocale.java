package org.casebook.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every screen uses British conventions, whatever the browser says: date pickers show and accept
 * 23/11/2026 rather than 11/23/2026, which a UK charity's staff would misread.
 */
@Component
class BritishLocale implements VaadinServiceInitListener {

    static final Locale LOCALE = Locale.UK;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(LOCALE));
    }
}
