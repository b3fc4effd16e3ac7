package org.casebook.session;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recorded CORE-10, read.
 *
 * @param changeFromFirst reliable change since the client's first CORE-10 ({@code null} for the first)
 * @param riskItem the score of the risk item; any score above 0 asks the counsellor to review risk to self
 */
public record Core10Result(
        LocalDate measuredOn,
        MeasurementPoint point,
        List<Integer> items,
        int total,
        Core10.Band band,
        boolean clinical,
        int riskItem,
        Core10.@Nullable Change changeFromFirst) {

    public boolean riskItemScored() {
        return riskItem > 0;
    }
}
