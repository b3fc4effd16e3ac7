package org.casebook.riskplan;

import java.time.Instant;
import org.casebook.client.RiskLevel;

/** Who saved a version of a plan, and when. */
public record VersionInfo(int number, String changedBy, Instant changedAt, RiskLevel toOthers, RiskLevel toSelf) {}
