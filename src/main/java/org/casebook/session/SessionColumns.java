package org.casebook.session;

import org.casebook.encryption.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The session module's encrypted columns, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class SessionColumns {

    static final EncryptedColumn LOCATION = new EncryptedColumn("appointment", "id", "location");
    static final EncryptedColumn PRESENTATION = new EncryptedColumn("session_note", "id", "presentation");
    static final EncryptedColumn THEMES = new EncryptedColumn("session_note", "id", "themes");
    static final EncryptedColumn RISK_OBSERVATIONS = new EncryptedColumn("session_note", "id", "risk_observations");
    static final EncryptedColumn INTERVENTIONS = new EncryptedColumn("session_note", "id", "interventions");
    static final EncryptedColumn AGREED_ACTIONS = new EncryptedColumn("session_note", "id", "agreed_actions");
    static final EncryptedColumn NEXT_PLAN = new EncryptedColumn("session_note", "id", "next_plan");
    static final EncryptedColumn CO_SIGN_COMMENT = new EncryptedColumn("session_note", "id", "co_sign_comment");
    static final EncryptedColumn ADDENDUM = new EncryptedColumn("session_note_addendum", "id", "body");

    @Bean
    EncryptedColumn appointmentLocation() {
        return LOCATION;
    }

    @Bean
    EncryptedColumn sessionNotePresentation() {
        return PRESENTATION;
    }

    @Bean
    EncryptedColumn sessionNoteThemes() {
        return THEMES;
    }

    @Bean
    EncryptedColumn sessionNoteRiskObservations() {
        return RISK_OBSERVATIONS;
    }

    @Bean
    EncryptedColumn sessionNoteInterventions() {
        return INTERVENTIONS;
    }

    @Bean
    EncryptedColumn sessionNoteAgreedActions() {
        return AGREED_ACTIONS;
    }

    @Bean
    EncryptedColumn sessionNoteNextPlan() {
        return NEXT_PLAN;
    }

    @Bean
    EncryptedColumn sessionNoteCoSignComment() {
        return CO_SIGN_COMMENT;
    }

    @Bean
    EncryptedColumn sessionNoteAddendum() {
        return ADDENDUM;
    }
}
