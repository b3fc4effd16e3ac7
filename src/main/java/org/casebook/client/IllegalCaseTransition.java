package org.casebook.client;

/** A move between case statuses that the life of a case does not allow. The message says which moves are. */
public class IllegalCaseTransition extends IllegalStateException {

    IllegalCaseTransition(String code, CaseStatus from, CaseStatus to) {
        super("Client " + code + " is " + from.label().toLowerCase(java.util.Locale.ROOT) + " and cannot be "
                + (to == CaseStatus.CLOSED ? "closed" : "moved to " + to.label().toLowerCase(java.util.Locale.ROOT))
                + (from.next().isEmpty()
                        ? "."
                        : ". From here it can go to: "
                                + from.next().stream()
                                        .map(s -> s.label().toLowerCase(java.util.Locale.ROOT))
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + "."));
    }
}
