package gov.planning.common.error;

import gov.planning.common.logging.DataFetchErrorLog;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;

/**
 * What every GraphQL request and field passes through: {@link InputContract} before a field is fetched,
 * {@link DataFetchErrorLog} when one fails, {@link GraphQLErrorCodes} after the request. On SmallRye's eventing SPI
 * (registered in {@code META-INF/services}) rather than as CDI observers: with CDI events on, SmallRye fires three CDI
 * events per field, each resolving its observers anew, a fifth of plan-service's CPU for a 200-task plan (bench/scale,
 * JFR). No config key: always on.
 */
public class GraphQLEvents implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public void beforeDataFetch(Context context) {
        InputContract.checkArguments(context);
    }

    @Override
    public void errorDataFetch(String executionId, Throwable t) {
        DataFetchErrorLog.log(executionId, t);
    }

    @Override
    public void afterExecute(Context context) {
        GraphQLErrorCodes.codes(context);
    }
}
