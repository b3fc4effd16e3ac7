package org.casebook.riskplan;

/** Someone else saved the plan since this person opened it; their text is not lost, only not saved. */
public class PlanConflict extends RuntimeException {

    public static final String MESSAGE = "Someone else saved this plan while you were editing it. Your text is "
            + "still here: open the latest version in a new tab, copy your changes across, and save again.";

    PlanConflict() {
        super(MESSAGE);
    }
}
