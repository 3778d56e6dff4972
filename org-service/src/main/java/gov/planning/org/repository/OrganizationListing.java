package gov.planning.org.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.org.entity.AdminLevel;
import gov.planning.org.entity.OrgKind;
import gov.planning.org.entity.Organization;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The organization list: filters, substring search, sorting, one page and the total count, all in one SQL statement
 * whatever the size of the tree. Only the conditions a request uses are in the statement, so that each can use its
 * index; the search's bigram conditions would not in a generic plan behind {@code $1 IS NULL OR …}.
 */
@ApplicationScoped
public class OrganizationListing {

    /**
     * Every part is optional. {@code term}: already checked ({@link TextSearch#term}); {@code roots}: only organizations
     * without a parent (the tops of the tree); {@code under}/{@code underCode}: any depth below that organization;
     * {@code currentOn}: only organizations valid that day and not replaced (null: all); {@code ids}: only these (a
     * screen naming the ids it holds, e.g. in a change history).
     */
    public record Filter(String term, OrgKind kind, AdminLevel level, String parentCode, boolean roots, UUID under,
            String underCode, LocalDate currentOn, List<UUID> ids) {
    }

    public record Page(List<Organization> organizations, long totalCount) {
    }

    record Statement(String sql, List<Object> params) {
    }

    /** The texts an organization is found by; its predecessors' ones too (its historical names). */
    private static final List<String> SEARCHED = List.of("o.name", "o.short_name", "organization_alias_text(o.aliases)", "o.code");

    @Inject
    Pool pool;

    public Uni<Page> page(Filter filter, OrganizationSort sort, SortOrder order, int offset, int limit) {
        Statement statement = statement(filter, sort, order, offset, limit);
        return pool.preparedQuery(statement.sql()).execute(Tuple.from(statement.params())).map(rows -> {
            long total = 0;
            List<Organization> page = new ArrayList<>();
            for (Row row : rows) {
                total = row.getLong("total");
                // A page past the end is one row with the total and no organization.
                if (row.getUUID("id") != null) {
                    page.add(OrganizationRepository.toOrganization(row));
                }
            }
            return new Page(page, total);
        });
    }

    static Statement statement(Filter filter, OrganizationSort sort, SortOrder order, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> ctes = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (filter.term() != null) {
            String term = bind(params, filter.term());
            String pattern = bind(params, TextSearch.containsPattern(filter.term()));
            String anyText = SEARCHED.stream().map(column -> contains(column, term, pattern))
                    .collect(Collectors.joining("\n           OR "));
            // Organizations whose own texts match, and through every reform since, the bodies that took over.
            ctes.add("""
                    named(id, successor_id) AS (
                        SELECT o.id, o.successor_id FROM organization o
                        WHERE %s
                        UNION
                        SELECT s.id, s.successor_id FROM named n JOIN organization s ON s.id = n.successor_id
                    )""".formatted(anyText));
            where.add("o.id IN (SELECT id FROM named)");
        }
        if (filter.ids() != null) {
            where.add("o.id = ANY(" + bind(params, filter.ids().toArray(UUID[]::new)) + ")");
        }
        if (filter.kind() != null) {
            where.add("o.kind = " + bind(params, filter.kind().name()));
        }
        if (filter.level() != null) {
            where.add("o.level = " + bind(params, filter.level().name()));
        }
        if (filter.parentCode() != null) {
            where.add("o.parent_id = (SELECT p.id FROM organization p WHERE p.code = " + bind(params, filter.parentCode()) + ")");
        }
        if (filter.roots()) {
            where.add("o.parent_id IS NULL");
        }
        if (filter.under() != null || filter.underCode() != null) {
            String root = filter.under() != null ? "r.id = " + bind(params, filter.under())
                    : "r.code = " + bind(params, filter.underCode());
            // UNION, not UNION ALL: ends even on a cycle someone wrote around the service (moves refuse cycles).
            ctes.add("""
                    below(id) AS (
                        SELECT c.id FROM organization r JOIN organization c ON c.parent_id = r.id WHERE %s
                        UNION
                        SELECT c.id FROM below b JOIN organization c ON c.parent_id = b.id
                    )""".formatted(root));
            where.add("o.id IN (SELECT id FROM below)");
        }
        if (filter.currentOn() != null) {
            String on = bind(params, filter.currentOn());
            where.add("o.successor_id IS NULL AND (o.valid_from IS NULL OR o.valid_from <= %1$s) AND (o.valid_to IS NULL OR o.valid_to > %1$s)"
                    .formatted(on));
        }
        ctes.add("matched AS (SELECT o.* FROM organization o WHERE " + (where.isEmpty() ? "true" : String.join("\n      AND ", where)) + ")");
        String sql = """
                WITH RECURSIVE %s
                SELECT t.total, p.* FROM (SELECT count(*) AS total FROM matched) t
                LEFT JOIN LATERAL (SELECT %s FROM matched o ORDER BY %s OFFSET %s LIMIT %s) p ON true"""
                .formatted(String.join(",\n", ctes), OrganizationRepository.COLUMNS, orderBy(sort, order), bind(params, offset),
                        bind(params, limit));
        return new Statement(sql, params);
    }

    /** {@link TextSearch#condition} with the pool's positional parameters instead of Hibernate's named ones. */
    private static String contains(String column, String term, String pattern) {
        return TextSearch.condition(column, "term").replace(":termPattern", pattern).replace(":term", term);
    }

    private static String orderBy(OrganizationSort sort, SortOrder order) {
        OrganizationSort by = sort == null ? OrganizationSort.CODE : sort;
        String direction = SortOrder.sql(order, by == OrganizationSort.UPDATED ? SortOrder.DESC : SortOrder.ASC);
        String name = "o.name COLLATE pinyin";
        String keys = switch (by) {
            case NAME -> name + " " + direction;
            case CODE -> "o.code COLLATE \"C\" " + direction;
            case KIND -> declared(OrgKind.values(), "o.kind") + " " + direction + ", " + name;
            case LEVEL -> declared(AdminLevel.values(), "o.level") + " " + direction + " NULLS LAST, " + name;
            case UPDATED -> "o.updated_at " + direction;
        };
        return keys + ", o.id";
    }

    /** The position of the column's value in the enum's declaration (GOVERNMENT first, PROVINCE first). */
    private static String declared(Enum<?>[] values, String column) {
        return Arrays.stream(values).map(v -> "'" + v.name() + "'")
                .collect(Collectors.joining(", ", "array_position(ARRAY[", "], CAST(" + column + " AS text))"));
    }

    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }
}
