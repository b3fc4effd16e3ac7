package org.casebook.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One CORE-10 taken on one day: ten item scores and their total. Recorded once, never edited. */
@Entity
@Table(name = "core10_score")
class Core10Score {

    @Id
    private UUID id;

    @Column(nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 12)
    private String clientCode;

    private @Nullable Long counsellorId;

    @Column(nullable = false)
    private LocalDate measuredOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MeasurementPoint point;

    @Column(name = "item_1", nullable = false)
    private int item1;

    @Column(name = "item_2", nullable = false)
    private int item2;

    @Column(name = "item_3", nullable = false)
    private int item3;

    @Column(name = "item_4", nullable = false)
    private int item4;

    @Column(name = "item_5", nullable = false)
    private int item5;

    @Column(name = "item_6", nullable = false)
    private int item6;

    @Column(name = "item_7", nullable = false)
    private int item7;

    @Column(name = "item_8", nullable = false)
    private int item8;

    @Column(name = "item_9", nullable = false)
    private int item9;

    @Column(name = "item_10", nullable = false)
    private int item10;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private long recordedBy;

    @Column(nullable = false)
    private Instant recordedAt;

    protected Core10Score() {
        this.id = new UUID(0, 0);
        this.clientId = id;
        this.clientCode = "";
        this.measuredOn = LocalDate.EPOCH;
        this.point = MeasurementPoint.INTAKE;
        this.recordedAt = Instant.EPOCH;
    }

    Core10Score(
            UUID id,
            UUID clientId,
            String clientCode,
            @Nullable Long counsellorId,
            LocalDate measuredOn,
            MeasurementPoint point,
            int[] items,
            long recordedBy,
            Instant recordedAt) {
        this.id = id;
        this.clientId = clientId;
        this.clientCode = clientCode;
        this.counsellorId = counsellorId;
        this.measuredOn = measuredOn;
        this.point = point;
        this.item1 = items[0];
        this.item2 = items[1];
        this.item3 = items[2];
        this.item4 = items[3];
        this.item5 = items[4];
        this.item6 = items[5];
        this.item7 = items[6];
        this.item8 = items[7];
        this.item9 = items[8];
        this.item10 = items[9];
        int sum = 0;
        for (int item : items) {
            sum += item;
        }
        this.total = sum;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    LocalDate measuredOn() {
        return measuredOn;
    }

    MeasurementPoint point() {
        return point;
    }

    int[] items() {
        return new int[] {item1, item2, item3, item4, item5, item6, item7, item8, item9, item10};
    }

    int total() {
        return total;
    }
}
