package org.casebook.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.casebook.security.StaffUser;

/**
 * A part of the home view contributed by a feature module (upcoming appointments, overdue notes,
 * safeguarding concerns), as a Spring bean, so this module imports no feature. The home view asks each
 * section, in ascending {@link #order()}, and shows what it returns for the signed-in person; a section
 * returns nothing for people it does not concern (by role, or because there is nothing to show).
 */
public interface HomeSection {

    /** Sections appear in ascending order, below the greeting; urgent ones (safeguarding) use low numbers. */
    int order();

    Optional<Component> create(StaffUser user);
}
