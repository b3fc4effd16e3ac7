package org.casebook.referral;

import java.util.Map;
import org.casebook.validation.InvalidFields;

/**
 * A referral the service will not save, with a message for each field that needs changing, the names
 * being those of {@link NewReferral}'s components.
 */
public class InvalidReferral extends InvalidFields {

    InvalidReferral(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
