package gov.planning.common.error;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.JDBCException;

import io.vertx.sqlclient.DatabaseException;

/**
 * The database is the judge of every uniqueness rule: two concurrent writes both pass a "does it exist yet?" check,
 * only the unique index or exclusion constraint stops the second. This turns that refusal (SQLState 23505 unique
 * violation, 23P01 exclusion violation, raised at flush or commit) into {@code CONFLICT} with a message naming the
 * rule, taken from the service's configuration {@code planning.unique-rules."<constraint name>"}; the transaction
 * has rolled back, so nothing of the write is left. The constraint's name never reaches the client.
 */
public final class UniqueRules {

    static final String CONFIG_PREFIX = "planning.unique-rules.";
    static final String UNNAMED_RULE = "this would duplicate a record that already exists; nothing was saved";
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

    private UniqueRules() {
    }

    /** {@code failure} as CONFLICT when a unique or exclusion constraint refused the write; otherwise unchanged. */
    public static Throwable toConflict(Throwable failure) {
        if (failure instanceof PlatformException) {
            return failure;
        }
        return violatedConstraint(failure)
                .<Throwable>map(constraint -> new ConflictException(message(constraint)))
                .orElse(failure);
    }

    /** The name of the unique or exclusion constraint {@code failure} reports ("" when it does not say), if any. */
    static Optional<String> violatedConstraint(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = null;
            String name = null;
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                state = violation.getSQLState();
                name = violation.getConstraintName();
            } else if (t instanceof JDBCException jdbc) {
                state = jdbc.getSQLState();
            } else if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            } else if (t instanceof DatabaseException db) {
                state = db.getSqlState();
            }
            if ("23505".equals(state) || "23P01".equals(state)) {
                return Optional.of(name != null ? name : nameIn(t.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static String nameIn(String message) {
        Matcher m = CONSTRAINT.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : "";
    }

    static String message(String constraint) {
        if (constraint.isEmpty()) {
            return UNNAMED_RULE;
        }
        return ConfigProvider.getConfig().getOptionalValue(CONFIG_PREFIX + constraint, String.class)
                .or(() -> ConfigProvider.getConfig().getOptionalValue(CONFIG_PREFIX + "\"" + constraint + "\"", String.class))
                .orElse(UNNAMED_RULE);
    }
}
