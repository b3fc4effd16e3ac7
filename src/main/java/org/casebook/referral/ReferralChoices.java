package org.casebook.referral;

/** The fixed choices of a referral form, each with the label a person reads. */
public final class ReferralChoices {

    private ReferralChoices() {}

    /** Who referred the person. */
    public enum Source {
        SELF("Self-referral"),
        GP("GP"),
        PROBATION("Probation"),
        POLICE("Police"),
        CHILDRENS_SERVICES("Children's services"),
        SOLICITOR("Solicitor"),
        FAMILY_MEMBER("Family member"),
        OTHER_CHARITY("Another charity"),
        OTHER("Other");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What brings the person to the charity. */
    public enum Concern {
        THOUGHTS_OR_URGES("Worried about thoughts or urges"),
        ONLINE_OFFENDING("Online offending"),
        CONTACT_OFFENDING_HISTORY("Contact offending history"),
        PARTNER_OR_FAMILY("Partner or family member of someone who offended"),
        OTHER("Other");

        private final String label;

        Concern(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where the person stands with the law, as far as is known. */
    public enum LegalStatus {
        NONE_KNOWN("None known", false),
        UNDER_INVESTIGATION("Under investigation", true),
        ON_BAIL("On bail", true),
        CHARGED("Charged", true),
        CONVICTED("Convicted", true),
        COURT_ORDER_OR_LICENCE("On a court order or licence", true);

        private final String label;
        private final boolean mayHaveArrest;

        LegalStatus(String label, boolean mayHaveArrest) {
            this.label = label;
            this.mayHaveArrest = mayHaveArrest;
        }

        public String label() {
            return label;
        }

        /** Whether an arrest date makes sense for this status. */
        public boolean mayHaveArrest() {
            return mayHaveArrest;
        }
    }

    /** The person's current access to children. */
    public enum ChildAccess {
        NONE("No access to children"),
        LIVES_WITH_CHILDREN("Lives with children"),
        REGULAR_CONTACT("Regular contact (family, friends)"),
        THROUGH_WORK_OR_VOLUNTEERING("Through work or volunteering"),
        OCCASIONAL("Occasional contact"),
        UNKNOWN("Not known");

        private final String label;

        ChildAccess(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How soon the referrer or the person taking the referral thinks the person needs help. */
    public enum Urgency {
        ROUTINE("Routine"),
        SOON("Soon"),
        URGENT("Urgent");

        private final String label;

        Urgency(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Why a case was closed. */
    public enum ClosureReason {
        COMPLETED("Completed"),
        DISENGAGED("Disengaged"),
        TRANSFERRED("Transferred"),
        MOVED_AWAY("Moved away"),
        NOT_ELIGIBLE("Not eligible"),
        OTHER("Other");

        private final String label;

        ClosureReason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
