package org.casebook.security;

/** Session attributes that say why a session ended, for whoever records session ends. */
public final class SessionEnd {

    /** Set when the person signs out: the session's end is a sign-out, not an expiry. */
    public static final String SIGNED_OUT = "casebook.session.signed-out";

    /** Set when the absolute time limit ends the session. */
    public static final String ABSOLUTE_LIMIT = "casebook.session.absolute-limit";

    private SessionEnd() {}
}
