package gov.planning.org.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;

/** The start-up load is idempotent and versioned: same version → nothing; newer version → update by code, no duplicates. */
@QuarkusTest
class ReferenceDataLoaderTest {

    @Inject
    ReferenceDataLoader loader;

    @Inject
    Pool pool;

    @Test
    void reapplyingTheLoadedVersionChangesNothingAndANewerVersionUpdatesInPlace() throws Throwable {
        ReferenceData bundled = ReferenceData.bundled();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> loader.load(bundled)).applied()).isFalse();

        // dataVersion + 1 with one alias added to 示例市民政局
        List<ReferenceData.Org> orgs = new ArrayList<>();
        for (ReferenceData.Org o : bundled.organizations()) {
            if (o.code().equals("sl.mzj")) {
                List<String> aliases = new ArrayList<>(o.aliases());
                aliases.add("示例民政");
                o = new ReferenceData.Org(o.code(), o.name(), o.shortName(), aliases, o.kind(), o.level(), o.region(), o.parent(),
                        o.validFrom(), o.validTo(), o.successor());
            }
            orgs.add(o);
        }
        ReferenceData newer = new ReferenceData(bundled.dataVersion() + 1, orgs, bundled.collectives());
        var result = VertxContextSupport.subscribeAndAwait(() -> loader.load(newer));
        assertThat(result.applied()).isTrue();
        assertThat(result.created()).isZero();
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(bundled.organizations().size() + bundled.collectives().size() - 1);

        var row = VertxContextSupport.subscribeAndAwait(() -> pool.query(
                "SELECT count(*) AS n, max(array_to_string(aliases, ',')) FILTER (WHERE code = 'sl.mzj') AS a"
                        + " FROM organization WHERE code = 'sl.mzj'").execute()).iterator().next();
        assertThat(row.getLong("n")).isEqualTo(1);
        assertThat(row.getString("a")).contains("示例民政");
        var version = VertxContextSupport.subscribeAndAwait(() -> pool.query(
                "SELECT data_version FROM reference_data WHERE name = 'organizations'").execute()).iterator().next();
        assertThat(version.getInteger(0)).isEqualTo(bundled.dataVersion() + 1);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> loader.load(newer)).applied()).isFalse();
    }
}
