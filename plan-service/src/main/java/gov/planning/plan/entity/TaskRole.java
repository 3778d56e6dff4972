package gov.planning.plan.entity;

/** 牵头单位 LEAD, 参加单位 / 配合单位 COOPERATING; ANY is only a filter value. */
public enum TaskRole {
    LEAD, COOPERATING, ANY
}
