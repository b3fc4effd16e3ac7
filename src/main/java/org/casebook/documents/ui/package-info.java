/** The client page's documents card: upload, versions, download and preview. */
@NullMarked
package org.casebook.documents.ui;

import org.jspecify.annotations.NullMarked;
