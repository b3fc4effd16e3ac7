package org.casebook.session;

import java.util.List;

/**
 * The new appointment overlaps others of the same counsellor. Booking goes ahead only when the person
 * confirms: overlaps are usually mistakes, but sometimes deliberate (a session moved before the old one
 * is cancelled, a joint session), and refusing outright would push people to work around the system.
 */
public class OverlapNeedsConfirmation extends RuntimeException {

    private final List<AppointmentRow> clashes;

    OverlapNeedsConfirmation(List<AppointmentRow> clashes) {
        super("This overlaps " + clashes.size() + " other appointment" + (clashes.size() == 1 ? "" : "s")
                + " of the same counsellor.");
        this.clashes = List.copyOf(clashes);
    }

    public List<AppointmentRow> clashes() {
        return clashes;
    }
}
