/**
 * Casebook's application root. Each direct sub-package is an application module (Spring Modulith):
 * {@code ui} (shell), {@code security} (accounts, sign-in) and one package per clinical feature.
 */
@NullMarked
package org.casebook;

import org.jspecify.annotations.NullMarked;
