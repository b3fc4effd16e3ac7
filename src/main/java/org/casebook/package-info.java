/**
 * Casebook's application root. Each direct sub-package is an application module (Spring Modulith):
 * {@code ui} (shell), {@code security} (accounts, sign-in), {@code encryption} (clinical fields encrypted at
 * rest) and one package per clinical feature.
 */
@NullMarked
package org.casebook;

import org.jspecify.annotations.NullMarked;
