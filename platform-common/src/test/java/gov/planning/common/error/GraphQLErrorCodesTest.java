package gov.planning.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;

class GraphQLErrorCodesTest {

    /** As SmallRye hands a resolver's exception over: without extensions (it adds its code when it writes the answer). */
    private static GraphQLError failed(Throwable cause) {
        return new ExceptionWhileDataFetching(ResultPath.parse("/task/history"), cause, new SourceLocation(1, 2)) {
            @Override
            public Map<String, Object> getExtensions() {
                return null;
            }
        };
    }

    @Test
    void aResolverFailingOnABugAnswersInternalServerErrorWithoutItsCauseOrClassName() {
        GraphQLError answered = GraphQLErrorCodes.withCode(failed(new IllegalStateException("Failed to decode: Unexpected character at pos 3")));

        assertThat(answered.getExtensions()).containsEntry("code", "INTERNAL_SERVER_ERROR").doesNotContainValue("decode");
        assertThat(answered.getMessage()).isEqualTo("System error");
        assertThat(answered.getPath()).containsExactly("task", "history");
    }

    @Test
    void theCodesOfTheRulesReachTheClientUnchanged() {
        GraphQLError forbidden = failed(new ForbiddenException("not yours"));
        GraphQLError conflict = failed(new ConflictException("version: stale"));

        assertThat(GraphQLErrorCodes.withCode(forbidden)).isSameAs(forbidden);
        assertThat(GraphQLErrorCodes.withCode(conflict)).isSameAs(conflict);
    }

    @Test
    void aRuleRefusedInABatchedFieldKeepsItsCodeAndMessageThroughTheDataLoadersWrapping() {
        GraphQLError answered = GraphQLErrorCodes.withCode(failed(new RuntimeException(
                new java.util.concurrent.CompletionException(new BadUserInputException("first: must be between 0 and 500, was 501")))));

        assertThat(answered.getExtensions()).containsEntry("code", BadUserInputException.CODE);
        assertThat(answered.getMessage()).isEqualTo("first: must be between 0 and 500, was 501");
        assertThat(answered.getPath()).containsExactly("task", "history");
    }

    @Test
    void aBugWrappedLikeARuleIsStillAnInternalError() {
        GraphQLError answered = GraphQLErrorCodes.withCode(failed(new RuntimeException(new NullPointerException("row 3"))));

        assertThat(answered.getExtensions()).containsEntry("code", "INTERNAL_SERVER_ERROR");
        assertThat(answered.getMessage()).isEqualTo("System error");
    }
}
