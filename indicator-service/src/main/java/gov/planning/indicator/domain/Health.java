package gov.planning.indicator.domain;

/** The red-yellow-green warning (红黄绿灯) the supervising office watches; DONE once the target is met. */
public enum Health {
    GREEN, YELLOW, RED, DONE
}
