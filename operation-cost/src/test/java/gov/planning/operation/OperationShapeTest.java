package gov.planning.operation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;

class OperationShapeTest {

    private static OperationShape shape(String query) {
        return OperationShape.of(Parser.parse(query)).get(0);
    }

    /** Fragments F1..Fn each spread the one below twice: 2^n copies of F0's fields once expanded. */
    static String fragmentBomb(int levels) {
        StringBuilder bomb = new StringBuilder("query { plans { ...F" + levels + " } } fragment F0 on Plan { id title }");
        for (int i = 1; i <= levels; i++) {
            bomb.append(" fragment F").append(i).append(" on Plan { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }");
        }
        return bomb.toString();
    }

    @Test
    void aFragmentSpreadTwiceAtEachOfFortyLevelsCountsEveryExpandedFieldWithoutExpandingIt() {
        // 2 * 2^40 + 1 fields: expanding them would never finish, measuring them is forty sums
        assertThat(shape(fragmentBomb(40)).fields()).isEqualTo(2L * (1L << 40) + 1);
    }

    @Test
    void countsSaturateInsteadOfOverflowing() {
        assertThat(shape(fragmentBomb(80)).fields()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void fieldsAliasesAndDepthCountAFragmentWhereverItIsSpread() {
        OperationShape shape = shape("""
                { a: plans { ...P } b: plans { ...P } }
                fragment P on Plan { id t: title tasks { ... on Task { id } } }""");

        assertThat(shape.fields()).isEqualTo(2 + 2 * 4);
        assertThat(shape.aliases()).isEqualTo(2 + 2);
        assertThat(shape.depth()).isEqualTo(3);
        assertThat(shape.deepestField()).isEqualTo("id");
    }

    @Test
    void introspectionDepthIsCountedApartFromTheOperationsDepth() {
        OperationShape shape = shape("{ __schema { types { fields { type { ofType { name } } } } } plans { id } }");

        assertThat(shape.introspectionDepth()).isEqualTo(6);
        assertThat(shape.depth()).isEqualTo(2);
    }

    @Test
    void aFragmentCycleCountsAsEmptyInsteadOfLoopingForValidationToReport() {
        assertThat(shape("{ plans { ...A } } fragment A on Plan { id ...B } fragment B on Plan { ...A }").fields()).isEqualTo(2);
    }

    @Test
    void eachOperationOfTheDocumentHasItsOwnShape() {
        assertThat(OperationShape.of(Parser.parse("query A { x } query B { y { z } }"))).extracting(OperationShape::fields)
                .containsExactly(1L, 2L);
    }
}
