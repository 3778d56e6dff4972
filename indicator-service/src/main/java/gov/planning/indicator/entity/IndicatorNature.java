package gov.planning.indicator.entity;

/** 预期性 EXPECTED, 约束性 BINDING. */
public enum IndicatorNature {
    EXPECTED, BINDING
}
