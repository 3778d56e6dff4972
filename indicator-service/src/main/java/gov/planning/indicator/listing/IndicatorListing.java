package gov.planning.indicator.listing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.common.persistence.SqlRows;
import gov.planning.indicator.entity.Comparator;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.entity.IndicatorNature;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * One page of indicators, filtered, sorted and paged in SQL: one statement whatever the filter and the data size (the
 * total and the page's indicators). Health, met and progress are the SQL functions of migration V4, which follow
 * {@code domain.Assessment} and {@code domain.Latest} operation for operation; they are computed only when a filter or
 * the sort needs them.
 *
 * <p>On the reactive SQL client, not Hibernate: the page is a read of plain rows, and Hibernate's native query (its
 * parameter parsing and result mapping on every call), the HQL of the page's indicators and a session per read were
 * a quarter of the service's CPU for a plan's ten indicators (bench/scale, 2026-12-06 21:50 section; decision 0022).
 */
@ApplicationScoped
public class IndicatorListing {

    /**
     * The indicators of one page, in order, and how many match in all. Read-only copies of the rows without their
     * responsible organizations (those are the field {@code responsibleOrgs}, read in a batch of their own).
     */
    public record Page(List<Indicator> indicators, int offset, int total) {
    }

    @Inject
    SqlRows db;

    @Inject
    Clock clock;

    public Uni<Page> page(IndicatorFilter filter, IndicatorSort sortBy, SortOrder order, int offset, int limit) {
        IndicatorSort sort = sortBy == null ? IndicatorSort.PLAN_ORDER : sortBy;
        Map<String, Object> params = new HashMap<>();
        String sql = sql(filter, sort, SortOrder.sql(order, sort == IndicatorSort.UPDATED ? SortOrder.DESC : SortOrder.ASC), params);
        params.put("limit", limit);
        params.put("offset", offset);
        return db.query(sql, params).map(rows -> {
            List<Indicator> page = new ArrayList<>();
            int total = 0;
            for (Row row : rows) {
                total = row.getInteger("total");
                if (row.getUUID("id") != null) {
                    page.add(indicator(row));
                }
            }
            return new Page(page, offset, total);
        });
    }

    private static Indicator indicator(Row row) {
        Indicator i = new Indicator();
        i.id = row.getUUID("id");
        i.version = row.getInteger("version");
        i.createdAt = row.getOffsetDateTime("created_at").toInstant();
        i.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        i.planId = row.getUUID("plan_id");
        i.name = row.getString("name");
        i.unit = row.getString("unit");
        String nature = row.getString("nature");
        i.nature = nature == null ? null : IndicatorNature.valueOf(nature);
        i.comparator = Comparator.valueOf(row.getString("comparator"));
        i.baselineValue = row.getDouble("baseline_value");
        i.baselineYear = row.getInteger("baseline_year");
        i.targetValue = row.getDouble("target_value");
        i.targetYear = row.getInteger("target_year");
        i.additive = row.getBoolean("additive");
        i.createdBy = row.getString("created_by");
        i.responsibleOrgIds = null;
        return i;
    }

    private String sql(IndicatorFilter filter, IndicatorSort sort, String direction, Map<String, Object> params) {
        StringBuilder columns = new StringBuilder("i.id, i.created_at, i.name");
        StringBuilder from = new StringBuilder(" FROM indicator i");
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.planId() != null) {
            where.append(" AND i.plan_id = :plan");
            params.put("plan", filter.planId());
        }
        if (filter.orgId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM indicator_responsible_org r WHERE r.indicator_id = i.id AND r.org_id = :org)");
            params.put("org", filter.orgId());
        }
        if (filter.nature() != null) {
            where.append(" AND i.nature = :nature");
            params.put("nature", filter.nature().name());
        }
        if (filter.search() != null) {
            where.append(" AND ").append(TextSearch.condition("i.name", "search"));
            params.put("search", filter.search());
            params.put("searchPattern", TextSearch.containsPattern(filter.search()));
        }
        if (filter.needsAssessment() || sort == IndicatorSort.PROGRESS) {
            from.append(" CROSS JOIN LATERAL (SELECT indicator_latest_value(i.id, i.additive) AS value) latest")
                    .append(" CROSS JOIN LATERAL (SELECT indicator_progress(i.baseline_value, i.target_value, latest.value) AS progress,")
                    .append(" indicator_met(i.comparator, i.target_value, latest.value) AS met) a");
            columns.append(", a.progress");
        }
        if (filter.met() != null) {
            where.append(" AND a.met = :met");
            params.put("met", filter.met());
        }
        if (filter.health() != null) {
            where.append(" AND indicator_health(a.met, a.progress, i.baseline_year, i.target_year, latest.value, :today) = :health");
            params.put("today", LocalDate.now(clock));
            params.put("health", filter.health().name());
        }
        if (sort == IndicatorSort.UPDATED) {
            columns.append(", coalesce((SELECT max(x.at) FROM indicator_audit x WHERE x.indicator_id = i.id), i.updated_at) AS updated_at");
        }
        String orderBy = switch (sort) {
            case PLAN_ORDER -> "m.created_at " + direction;
            case NAME -> "m.name " + direction;
            case PROGRESS -> "m.progress " + direction + " NULLS LAST";
            case UPDATED -> "m.updated_at " + direction;
        } + ", m.id";
        return "WITH matched AS (SELECT " + columns + from + where + ")"
                + " SELECT CAST(t.total AS integer) AS total, i.* FROM (SELECT count(*) AS total FROM matched) t"
                + " LEFT JOIN LATERAL (SELECT m.id, row_number() OVER (ORDER BY " + orderBy + ") AS position FROM matched m"
                + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset) p ON true"
                + " LEFT JOIN indicator i ON i.id = p.id ORDER BY p.position";
    }
}
