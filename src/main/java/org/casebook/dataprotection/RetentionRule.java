package org.casebook.dataprotection;

/** Which rule of the retention schedule made a record due. Stored by name. */
public enum RetentionRule {
    CLOSED_CASE(
            "Closed case",
            "after the case was closed",
            "Counselling records are kept for the period professional bodies and insurers expect claims may be "
                    + "brought in (six years, plus one for the claim to be served), then anonymised."),
    REFERRAL_ONLY(
            "Referral that never became a case",
            "after the referral was closed",
            "A person who was never assigned a counsellor (not eligible, withdrew, or could not be reached) needs "
                    + "only a short record, to recognise a repeat referral."),
    SAFEGUARDING_REFERRED(
            "Case with a safeguarding referral",
            "after the case was closed",
            "Where a concern was referred to the police, children's services or the LADO, the record may be needed "
                    + "by a later inquiry or a child who was at risk, so it is kept much longer, as "
                    + "safeguarding guidance advises.");

    private final String label;
    private final String from;
    private final String basis;

    RetentionRule(String label, String from, String basis) {
        this.label = label;
        this.from = from;
        this.basis = basis;
    }

    public String label() {
        return label;
    }

    public String from() {
        return from;
    }

    public String basis() {
        return basis;
    }
}
