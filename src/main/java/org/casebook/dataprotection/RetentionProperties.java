package org.casebook.dataprotection;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention schedule, per kind of record, as the charity's retention policy sets it. The defaults are what a
 * UK counselling charity commonly documents; change them in configuration when the policy says otherwise.
 *
 * @param closedCase how long a closed case is kept after its closing date
 * @param referralOnly how long a referral that never became a case (closed without a counsellor) is kept after
 *     its closing date
 * @param safeguardingReferred how long a case with a safeguarding concern referred to the police, children's
 *     services or the LADO is kept after closure
 * @param auditLog how long the audit log is kept
 * @param cron when the daily job looks for records past their date (in {@code casebook.time-zone})
 */
@ConfigurationProperties("casebook.retention")
public record RetentionProperties(
        @DefaultValue("P7Y") Period closedCase,
        @DefaultValue("P1Y") Period referralOnly,
        @DefaultValue("P25Y") Period safeguardingReferred,
        @DefaultValue("P7Y") Period auditLog,
        @DefaultValue("0 30 2 * * *") String cron) {}
