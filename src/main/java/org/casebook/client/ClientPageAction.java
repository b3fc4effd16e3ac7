package org.casebook.client;

import java.util.List;

/**
 * An action a client-page section offers in the page's "More" menu: the rare or final ones (closing the case,
 * excluding a member of staff), kept out of the way of the everyday actions. A section's component offers
 * them by implementing {@link Offered}.
 */
public record ClientPageAction(String label, Runnable run) {

    /** Implemented by a section's component that offers actions for the "More" menu. */
    public interface Offered {
        List<ClientPageAction> moreActions();
    }

    /**
     * Implemented by a section's component that must come first on the page while it says so (an open
     * safeguarding concern in immediate danger is never the seventh card).
     */
    public interface Urgent {
        boolean urgent();
    }
}
