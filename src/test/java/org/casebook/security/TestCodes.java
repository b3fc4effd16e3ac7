package org.casebook.security;

import java.time.Instant;

/** Authenticator codes for tests in other packages. */
public final class TestCodes {

    public static final String DEMO_SECRET = DemoAccounts.DEMO_TOTP_SECRET;

    private TestCodes() {}

    /** The six-digit code of a Base32 secret at an instant. */
    public static String code(String base32Secret, Instant at) {
        return Totp.code(Base32.decode(base32Secret), Totp.stepAt(at));
    }
}
