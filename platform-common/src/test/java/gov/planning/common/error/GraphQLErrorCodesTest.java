package gov.planning.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;

class GraphQLErrorCodesTest {

    /** As SmallRye hands a resolver's exception over: with a code it made up from the exception's class name. */
    private static GraphQLError failed(Throwable cause, String smallRyeCode) {
        return new ExceptionWhileDataFetching(ResultPath.parse("/task/history"), cause, new SourceLocation(1, 2)) {
            @Override
            public Map<String, Object> getExtensions() {
                return Map.of("code", smallRyeCode, "classification", "DataFetchingException");
            }
        };
    }

    @Test
    void aResolverFailingOnABugAnswersInternalServerErrorWithoutItsCauseOrClassName() {
        GraphQLError answered = GraphQLErrorCodes.withCode(failed(new IllegalStateException("Failed to decode: Unexpected character at pos 3"), "decode"));

        assertThat(answered.getExtensions()).containsEntry("code", "INTERNAL_SERVER_ERROR").doesNotContainValue("decode");
        assertThat(answered.getMessage()).isEqualTo("System error");
        assertThat(answered.getPath()).containsExactly("task", "history");
    }

    @Test
    void theCodesOfTheRulesReachTheClientUnchanged() {
        GraphQLError forbidden = failed(new ForbiddenException("not yours"), ForbiddenException.CODE);
        GraphQLError conflict = failed(new ConflictException("version: stale"), ConflictException.CODE);

        assertThat(GraphQLErrorCodes.withCode(forbidden)).isSameAs(forbidden);
        assertThat(GraphQLErrorCodes.withCode(conflict)).isSameAs(conflict);
    }
}
