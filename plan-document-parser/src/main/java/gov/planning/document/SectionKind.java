package gov.planning.document;

/**
 * What a top part of the outline is for; decides whether its items are read as tasks, as targets,
 * or only kept as text.
 */
public enum SectionKind {
    /** 规划背景, 发展基础, 现状: figures here are past values, never targets. */
    BACKGROUND,
    /** 总体要求, 指导思想, 基本原则. */
    GENERAL,
    /** 主要目标, 目标指标, 发展目标. */
    GOALS,
    /** 重点任务 and any unlabelled part: the default. */
    TASKS,
    /** 保障措施, 组织保障, 工作要求: how the plan is run, not assignments. */
    SAFEGUARDS
}
