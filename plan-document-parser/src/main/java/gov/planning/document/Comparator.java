package gov.planning.document;

/** How a target value is to be read; mirrors the API's {@code Comparator} enum. */
public enum Comparator {
    /** 达到, 以上, 不低于, 不少于, 超过. */
    AT_LEAST,
    /** 控制在…以内, 不高于, 不超过, 以下. */
    AT_MOST,
    /** 左右, 约. */
    ABOUT,
    /** A plain figure with no qualifying word. */
    EXACTLY
}
