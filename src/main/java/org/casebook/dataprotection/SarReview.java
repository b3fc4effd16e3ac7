package org.casebook.dataprotection;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A subject access request under review: everything held, item by item, with the reviewer's choices. */
public record SarReview(
        UUID requestId,
        String clientCode,
        LocalDate receivedOn,
        LocalDate dueOn,
        boolean done,
        List<ReviewItem> items) {}
