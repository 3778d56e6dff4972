package gov.planning.org.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import gov.planning.common.api.SortOrder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The list's search must find its candidates through the bigram indexes, not by reading every organization. */
@QuarkusTest
class OrganizationListingTest {

    @Inject
    Pool pool;

    @Test
    void searchLooksUpTheBigramIndexOfEverySearchedText() throws Throwable {
        OrganizationListing.Statement statement = OrganizationListing.statement(
                new OrganizationListing.Filter("住建", null, null, null, false, null, null, LocalDate.now(), null), OrganizationSort.NAME,
                SortOrder.ASC, 0, 50);
        // With a few hundred rows a sequential scan is cheaper; forbidding it shows whether an index can serve at all.
        var rows = VertxContextSupport.subscribeAndAwait(() -> pool.withTransaction(connection -> connection
                .query("SET LOCAL enable_seqscan = off").execute()
                .chain(() -> connection.preparedQuery("EXPLAIN " + statement.sql()).execute(Tuple.from(statement.params())))));
        List<String> plan = new ArrayList<>();
        for (Row row : rows) {
            plan.add(row.getString(0));
        }
        assertThat(String.join("\n", plan)).contains("Bitmap Index Scan on organization_name_search_idx",
                "Bitmap Index Scan on organization_short_name_search_idx", "Bitmap Index Scan on organization_aliases_search_idx",
                "Bitmap Index Scan on organization_code_search_idx");
    }
}
