package gov.planning.indicator.entity;

/** 达到/以上/不低于 AT_LEAST, 控制在…以内/不高于 AT_MOST, 左右 ABOUT, otherwise EXACTLY. */
public enum Comparator {
    AT_LEAST, AT_MOST, ABOUT, EXACTLY
}
