package gov.planning.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;

/** The shape limits measure fragments once but count them wherever they are spread. */
class OperationLimitsTest {

    private final OperationLimits limits = new OperationLimits(4, 3, 50, 20_000);

    private void check(String query) {
        limits.checkShape(new Parser().parseDocument(query));
    }

    private static String code(Throwable e) {
        return ((RequestException) e).code();
    }

    @Test
    void depthHiddenInFragmentsCountsWhereTheyAreSpread() {
        assertThatCode(() -> check("{ a { ...B } } fragment B on T { b { c { d } } }")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check("{ a { ...B } } fragment B on T { b { c { ...D } } } fragment D on T { d { e } }"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("QUERY_TOO_DEEP"))
                .hasMessageContaining("5 deep").hasMessageContaining("\"e\"");
    }

    @Test
    void aliasesInAFragmentCountOncePerSpread() {
        assertThatCode(() -> check("{ ...A } fragment A on Q { x: a }")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check("{ ...A ...A b { ...A ...A } } fragment A on Q { x: a }"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("TOO_MANY_ALIASES"));
    }

    @Test
    void fieldsDoublingThroughFragmentsAreCountedWithoutExpandingThem() {
        StringBuilder query = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 60; i++) { // 2^60 fields once expanded: counting them one by one would never end
            query.append(" fragment F").append(i).append(" on Q { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        query.append(" fragment F60 on Q { a b }");

        assertThatThrownBy(() -> check(query.toString()))
                .satisfies(e -> assertThat(code(e)).isEqualTo("QUERY_TOO_COMPLEX"))
                .hasMessageContaining("at most 50");
    }

    @Test
    void introspectionHasItsOwnDepthBoundButNormalFieldsBesideItDoNot() {
        String ofTypes = "ofType { ".repeat(12) + "name" + " }".repeat(12);
        assertThatCode(() -> check("{ __schema { types { " + ofTypes + " } } a { b } }")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check("{ __schema { types { name } } a { b { c { d { e } } } } }"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("QUERY_TOO_DEEP"));
        String tooDeep = "ofType { ".repeat(19) + "name" + " }".repeat(19);
        assertThatThrownBy(() -> check("{ __type(name: \"T\") { " + tooDeep + " } }"))
                .hasMessageContaining("introspection");
    }

    @Test
    void aFragmentCycleEndsTheCountInsteadOfLooping() {
        assertThatCode(() -> check("{ ...A } fragment A on Q { a ...B } fragment B on Q { b ...A }")).doesNotThrowAnyException();
    }
}
