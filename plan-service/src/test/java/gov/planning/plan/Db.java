package gov.planning.plan;

import gov.planning.testing.TestDatabase;

/** Direct reads of the test database, to prove that a refused write left nothing behind (rows or audit entries). */
final class Db {

    private Db() {
    }

    /** Writes behind the service's back, for states the API cannot produce on demand (a plan mid-import). */
    static int update(String sql, Object... params) {
        return TestDatabase.update(sql, params);
    }

    static long count(String sql, Object... params) {
        return TestDatabase.count(sql, params);
    }
}
