package org.casebook.security;

/** A code that was not accepted. The message is safe to show; it never contains the code. */
public class SecondFactorRefused extends RuntimeException {

    SecondFactorRefused(String message) {
        super(message, null, false, false);
    }
}
