package gov.planning.common.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads of plain rows on the reactive SQL client (the pool Hibernate Reactive uses), for SQL written with named
 * parameters ({@code :plan}) as a Hibernate native query takes them. Hibernate parses such a query and maps its result
 * anew on every call and opens a session for it; for a list's few statements that was a fifth of a request's CPU
 * (docs/decisions/0022, 0023). Rows read here are never written back.
 */
@ApplicationScoped
public class SqlRows {

    /** A quoted literal (skipped: {@code 'HH24:MI'} holds no parameter) or a named parameter not preceded by {@code :}. */
    private static final Pattern LITERAL_OR_PARAMETER = Pattern.compile("'(?:[^']|'')*'|(?<![:\\w]):([a-zA-Z]\\w*)");

    @Inject
    Pool pool;

    /** The statement on the pool, each named parameter bound to its value in {@code params}. */
    public Uni<RowSet<Row>> query(String sql, Map<String, ?> params) {
        Positional statement = positional(sql, params);
        return pool.preparedQuery(statement.sql()).execute(Tuple.from(statement.values()));
    }

    /** Each row of the statement mapped, in order. */
    public <T> Uni<List<T>> list(String sql, Map<String, ?> params, Function<Row, T> mapper) {
        return query(sql, params).map(rows -> {
            List<T> mapped = new ArrayList<>(rows.size());
            for (Row row : rows) {
                mapped.add(mapper.apply(row));
            }
            return mapped;
        });
    }

    /**
     * The rows as a Hibernate native query returns them: a column's value per row of one column, else an
     * {@code Object[]} per row; {@code bytea} as {@code byte[]}, {@code timestamptz} as {@link OffsetDateTime}.
     */
    public Uni<List<Object>> rows(String sql, Map<String, ?> params) {
        return list(sql, params, SqlRows::columns);
    }

    private static Object columns(Row row) {
        int columns = row.size();
        if (columns == 1) {
            return value(row, 0);
        }
        Object[] values = new Object[columns];
        for (int c = 0; c < columns; c++) {
            values[c] = value(row, c);
        }
        return values;
    }

    private static Object value(Row row, int column) {
        Object value = row.getValue(column);
        if (value instanceof io.vertx.core.buffer.Buffer buffer) {
            return buffer.getBytes();
        }
        return value;
    }

    /** A statement with positional parameters ({@code $1}) and their values in order. */
    record Positional(String sql, List<Object> values) {
    }

    /**
     * {@code sql} with each named parameter replaced by positional ones: one per occurrence (PostgreSQL infers each
     * one's type where it stands), a collection expanded to one per element as Hibernate expands {@code IN (:ids)}.
     */
    static Positional positional(String sql, Map<String, ?> params) {
        List<Object> values = new ArrayList<>();
        Matcher found = LITERAL_OR_PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder(sql.length() + 64);
        while (found.find()) {
            String name = found.group(1);
            if (name == null) {
                found.appendReplacement(positional, Matcher.quoteReplacement(found.group()));
                continue;
            }
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for the parameter :" + name);
            }
            Object value = params.get(name);
            StringBuilder placeholders = new StringBuilder();
            if (value instanceof Collection<?> elements) {
                for (Object element : elements) {
                    values.add(bound(element));
                    placeholders.append(placeholders.isEmpty() ? "" : ", ").append('$').append(values.size());
                }
                if (elements.isEmpty()) {
                    placeholders.append("NULL");
                }
            } else {
                values.add(bound(value));
                placeholders.append('$').append(values.size());
            }
            found.appendReplacement(positional, Matcher.quoteReplacement(placeholders.toString()));
        }
        found.appendTail(positional);
        return new Positional(positional.toString(), values);
    }

    /** A value as the client binds it: enums by name, instants with an offset. */
    private static Object bound(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return value;
    }
}
