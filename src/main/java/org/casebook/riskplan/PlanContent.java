package org.casebook.riskplan;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The sections of a risk-minimisation plan, as written with the client. Blank sections are allowed. */
public record PlanContent(
        @Nullable String goals,
        @Nullable String triggers,
        @Nullable String warningSigns,
        @Nullable String coping,
        @Nullable String protectiveFactors,
        @Nullable String supportNetwork,
        @Nullable String externalConditions,
        List<AgreedAction> actions) {

    /** Section titles, in the order of {@link #texts()}. */
    public static final List<String> TITLES = List.of(
            "Goals for a good life",
            "Triggers and high-risk situations",
            "Early warning signs",
            "Coping strategies",
            "Protective factors",
            "Support network",
            "External conditions (court orders, licence, notification requirements)");

    public PlanContent {
        actions = List.copyOf(actions);
    }

    public static PlanContent empty() {
        return new PlanContent(null, null, null, null, null, null, null, List.of());
    }

    /** The seven text sections, in the order of {@link #TITLES}. */
    public List<@Nullable String> texts() {
        return java.util.Arrays.asList(
                goals, triggers, warningSigns, coping, protectiveFactors, supportNetwork, externalConditions);
    }

    static PlanContent of(List<@Nullable String> texts, List<AgreedAction> actions) {
        return new PlanContent(
                texts.get(0),
                texts.get(1),
                texts.get(2),
                texts.get(3),
                texts.get(4),
                texts.get(5),
                texts.get(6),
                actions);
    }
}
