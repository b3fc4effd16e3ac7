/** The data-protection pages: the retention schedule and reviews, the request log, and subject access review. */
@NullMarked
package org.casebook.dataprotection.ui;

import org.jspecify.annotations.NullMarked;
