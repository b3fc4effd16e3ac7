package org.casebook.documents;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the person says about a file they upload.
 *
 * @param fileName the name the browser gave; a hint only, never trusted for the type
 */
public record NewDocument(
        @Nullable DocumentCategory category,
        @Nullable String title,
        @Nullable LocalDate date,
        @Nullable String fileName) {}
