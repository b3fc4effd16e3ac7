package org.casebook.client;

import com.vaadin.flow.component.Component;

/**
 * A part of the client page contributed by another module (appointments, notes, the risk plan), as a
 * Spring bean. The page creates each section after need-to-know has let the person in, and hands it the
 * access it was given; the section's own service calls check again.
 */
public interface ClientPageSection {

    /** Sections appear in ascending order, after the client's own details. */
    int order();

    Component create(ClientAccess access);
}
