package org.casebook.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The postcode area a counsellor works in, for matching clients by location. */
@Entity
@Table(name = "counsellor_area")
class CounsellorArea {

    @Id
    private long staffId;

    @Version
    private long version;

    @Column(nullable = false, length = 8)
    private String postcodeArea;

    protected CounsellorArea() {
        this.postcodeArea = "";
    }

    CounsellorArea(long staffId, String postcodeArea) {
        this.staffId = staffId;
        this.postcodeArea = postcodeArea;
    }

    long staffId() {
        return staffId;
    }

    String postcodeArea() {
        return postcodeArea;
    }

    void moveTo(String area) {
        this.postcodeArea = area;
    }
}
