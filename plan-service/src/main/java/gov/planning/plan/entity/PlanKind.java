package gov.planning.plan.entity;

/** 规划 PLAN, 实施方案 IMPLEMENTATION_PLAN, 指导意见 GUIDANCE, 行动计划 ACTION_PLAN, 分工方案 TASK_DIVISION. */
public enum PlanKind {
    PLAN, IMPLEMENTATION_PLAN, GUIDANCE, ACTION_PLAN, TASK_DIVISION
}
