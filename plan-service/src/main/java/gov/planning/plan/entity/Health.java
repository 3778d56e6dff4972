package gov.planning.plan.entity;

/** 红黄绿灯: derived for "today" by {@link gov.planning.plan.service.HealthRule}, never stored. */
public enum Health {
    GREEN, YELLOW, RED, DONE
}
