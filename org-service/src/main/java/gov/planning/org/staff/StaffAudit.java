package gov.planning.org.staff;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.audit.AuditEvent;
import gov.planning.common.audit.AuditSnapshot;
import gov.planning.common.audit.AuditTrail;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Staff accounts' entries of the audit trail, blocking like the rest of the staff code: worker threads only. The
 * accounts live in Keycloak, so there is no transaction to share: each entry is appended on the pool.
 */
@ApplicationScoped
public class StaffAudit {

    public record Entry(OffsetDateTime at, String actor, String action, String username, String before, String after) {
    }

    static final String ENTITY_TYPE = "StaffAccount";

    @Inject
    Pool pool;

    @Inject
    AuditTrail trail;

    public void append(String actor, String action, UUID organizationId, String username, StaffDirectory.Account before,
            StaffDirectory.Account after) {
        AuditSnapshot was = state(username, before);
        AuditSnapshot is = state(username, after);
        if (was == null && is == null) {
            // A change with no state of its own (JOIN): both states name the account, so the entry shows who without a change.
            was = is = AuditSnapshot.of(ENTITY_TYPE, accountId(username)).put("username", username);
        }
        trail.append(pool, AuditEvent.of(actor, action, organizationId, was, is)).await().indefinitely();
    }

    /** The organization's entries, newest first. */
    public List<Entry> of(UUID organizationId, int limit) {
        List<Entry> entries = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                SELECT at, actor, action, COALESCE(after ->> 'username', before ->> 'username') AS username,
                       before::text AS before, after::text AS after
                FROM audit_trail WHERE entity_type = $1 AND scope_id = $2 ORDER BY seq DESC LIMIT $3""")
                .execute(Tuple.of(ENTITY_TYPE, organizationId, limit)).await().indefinitely()) {
            entries.add(new Entry(row.getOffsetDateTime("at"), row.getString("actor"), row.getString("action"),
                    row.getString("username"), row.getString("before"), row.getString("after")));
        }
        return entries;
    }

    /**
     * The account's id in the audit trail: derived from its user name, as migration V11 derives it for the entries of
     * staff_audit (which kept no Keycloak id), so all of an account's entries share it.
     */
    static UUID accountId(String username) {
        try {
            ByteBuffer md5 = ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(("staff:" + username).getBytes(StandardCharsets.UTF_8)));
            return new UUID(md5.getLong(), md5.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the trail keeps of an account: no Keycloak id (it means nothing to a reader). */
    private static AuditSnapshot state(String username, StaffDirectory.Account account) {
        if (account == null) {
            return null;
        }
        return AuditSnapshot.of(ENTITY_TYPE, accountId(username))
                .put("username", account.username())
                .put("firstName", account.firstName())
                .put("lastName", account.lastName())
                .put("email", account.email())
                .put("enabled", account.enabled())
                .put("roles", List.copyOf(new TreeSet<>(account.roles())))
                .put("organizations", List.copyOf(new TreeSet<>(account.orgCodes())));
    }
}
