package gov.planning.indicator.listing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import gov.planning.common.api.SortOrder;
import gov.planning.common.api.TextSearch;
import gov.planning.indicator.entity.Indicator;
import gov.planning.indicator.repository.IndicatorRepository;
import gov.planning.common.persistence.ReadSessions;
import io.smallrye.mutiny.Uni;

/**
 * One page of indicators, filtered, sorted and paged in SQL: two statements whatever the filter and the data size
 * (the page's ids with the total, then those indicators). Health, met and progress are the SQL functions of migration
 * V4, which follow {@code domain.Assessment} and {@code domain.Latest} operation for operation; they are computed only
 * when a filter or the sort needs them.
 */
@ApplicationScoped
public class IndicatorListing {

    /** The indicators of one page, in order (null for one deleted meanwhile), and how many match in all. */
    public record Page(List<Indicator> indicators, int offset, int total) {
    }

    @Inject
    ReadSessions reads;

    @Inject
    IndicatorRepository indicators;

    @Inject
    Clock clock;

    public Uni<Page> page(IndicatorFilter filter, IndicatorSort sortBy, SortOrder order, int offset, int limit) {
        IndicatorSort sort = sortBy == null ? IndicatorSort.PLAN_ORDER : sortBy;
        Map<String, Object> params = new HashMap<>();
        String sql = sql(filter, sort, SortOrder.sql(order, sort == IndicatorSort.UPDATED ? SortOrder.DESC : SortOrder.ASC), params);
        params.put("limit", limit);
        params.put("offset", offset);
        return reads.read(s -> ids(s, sql, params).chain(page -> indicators.findByIds(s, page.ids()).map(found -> {
            Map<UUID, Indicator> byId = found.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
            return new Page(page.ids().stream().map(byId::get).toList(), offset, page.total());
        })));
    }

    private record Ids(List<UUID> ids, int total) {
    }

    private static Uni<Ids> ids(Mutiny.Session s, String sql, Map<String, Object> params) {
        var query = s.createNativeQuery(sql, Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().map(rows -> {
            List<UUID> ids = new ArrayList<>();
            int total = 0;
            for (Object[] row : rows) {
                total = ((Number) row[0]).intValue();
                if (row[1] != null) {
                    ids.add((UUID) row[1]);
                }
            }
            return new Ids(ids, total);
        });
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
                + " SELECT t.total, p.id FROM (SELECT count(*) AS total FROM matched) t"
                + " LEFT JOIN LATERAL (SELECT m.id, row_number() OVER (ORDER BY " + orderBy + ") AS position FROM matched m"
                + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset) p ON true ORDER BY p.position";
    }
}
