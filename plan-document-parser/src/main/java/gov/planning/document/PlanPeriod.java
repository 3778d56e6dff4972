package gov.planning.document;

/** 规划期: the years a plan covers, both inclusive. */
public record PlanPeriod(int startYear, int endYear) {
}
