package gov.planning.org.staff;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The staff audit log ({@code staff_audit}), blocking like the rest of the staff code: worker threads only. */
@ApplicationScoped
public class StaffAudit {

    public record Entry(OffsetDateTime at, String actor, String action, String username, String before, String after) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    public void append(String actor, String action, UUID organizationId, String username, StaffDirectory.Account before,
            StaffDirectory.Account after) {
        pool.preparedQuery("""
                INSERT INTO staff_audit (id, actor, action, organization_id, username, before, after)
                VALUES ($1, $2, $3, $4, $5, CAST(CAST($6 AS text) AS jsonb), CAST(CAST($7 AS text) AS jsonb))""")
                .execute(Tuple.from(List.of(UUID.randomUUID(), actor, action, organizationId, username, state(before), state(after))))
                .await().indefinitely();
    }

    /** The organization's entries, newest first. */
    public List<Entry> of(UUID organizationId, int limit) {
        List<Entry> entries = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                SELECT at, actor, action, username, before::text AS before, after::text AS after
                FROM staff_audit WHERE organization_id = $1 ORDER BY seq DESC LIMIT $2""")
                .execute(Tuple.of(organizationId, limit)).await().indefinitely()) {
            entries.add(new Entry(row.getOffsetDateTime("at"), row.getString("actor"), row.getString("action"),
                    row.getString("username"), row.getString("before"), row.getString("after")));
        }
        return entries;
    }

    /** What the log keeps of an account: no Keycloak id (it means nothing to a reader), JSON "null" for none. */
    private static String state(StaffDirectory.Account account) {
        if (account == null) {
            return "{}";
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", account.username());
        state.put("firstName", account.firstName());
        state.put("lastName", account.lastName());
        state.put("email", account.email());
        state.put("enabled", account.enabled());
        state.put("roles", List.copyOf(new java.util.TreeSet<>(account.roles())));
        state.put("organizations", List.copyOf(new java.util.TreeSet<>(account.orgCodes())));
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
