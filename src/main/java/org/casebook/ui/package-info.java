/**
 * The application shell: main layout, home view and shared UI pieces. Imports no feature module;
 * the menu is built from {@code @Menu} annotations on the features' own views.
 */
@NullMarked
package org.casebook.ui;

import org.jspecify.annotations.NullMarked;
