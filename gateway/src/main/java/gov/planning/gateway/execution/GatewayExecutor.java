package gov.planning.gateway.execution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import gov.planning.gateway.GatewayConfig;
import gov.planning.gateway.composition.Supergraph;
import gov.planning.gateway.composition.SupergraphLoader;
import gov.planning.gateway.planning.NormalizedOperation;
import gov.planning.gateway.planning.OperationLimits;
import gov.planning.gateway.planning.OperationNormalizer;
import gov.planning.gateway.planning.PlanCache;
import gov.planning.gateway.planning.QueryPlan;
import gov.planning.gateway.planning.QueryPlanner;
import gov.planning.gateway.planning.RequestException;
import gov.planning.gateway.transport.SubgraphClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.execution.CoercedVariables;
import graphql.introspection.GoodFaithIntrospection;
import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

/**
 * One client request end to end: limits → parse → validate against the API schema → coerce variables →
 * normalize → plan → fetch → shape. Validated documents and plans are cached per supergraph (normalizing and
 * planning happen once per operation text, operation and {@code @skip}/{@code @include} decision). Request errors (limits, syntax, validation, variables) answer without
 * {@code data} and without calling any subgraph.
 */
@ApplicationScoped
public class GatewayExecutor {

    private static final Logger LOG = Logger.getLogger(GatewayExecutor.class);

    @Inject
    SupergraphLoader supergraphs;

    @Inject
    SubgraphClient client;

    @Inject
    ObjectMapper mapper;

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    io.vertx.core.Vertx vertx;

    private final ValidatedDocuments validated = new ValidatedDocuments(1000);

    private final PlanCache plans = new PlanCache(1000);

    private Counter planHits;
    private Counter planMisses;

    @PostConstruct
    void meters() {
        planHits = Counter.builder("gateway.query.plans").description("Operations planned (miss) or served a cached plan (hit)")
                .tag("cache", "hit").register(meters);
        planMisses = Counter.builder("gateway.query.plans").description("Operations planned (miss) or served a cached plan (hit)")
                .tag("cache", "miss").register(meters);
        Gauge.builder("gateway.query.plans.cached", plans, PlanCache::size).description("Query plans kept for the current supergraph")
                .register(meters);
    }

    public CompletableFuture<ObjectNode> execute(String query, ObjectNode variables, String operationName, Map<String, String> headers) {
        return execute(query, variables, operationName, headers, false);
    }

    /**
     * @param queriesOnly true for GET requests: a mutation is refused with {@code OPERATION_NOT_SUPPORTED} before
     *                    anything is called (GET must not change anything)
     */
    public CompletableFuture<ObjectNode> execute(String query, ObjectNode variables, String operationName, Map<String, String> headers,
            boolean queriesOnly) {
        Prepared prepared = prepare(query, variables, operationName, queriesOnly);
        if (prepared.remaining() == null) {
            // On the event loop an operation seen before is served at once: its document is validated and its plan made.
            return run(prepared, variables, headers);
        }
        if (!io.vertx.core.Context.isOnEventLoopThread()) {
            return run(guarded(prepared.remaining()), variables, headers);
        }
        // Parsing, validation, planning and introspection are CPU work that grows with the operation: on a worker
        // thread, so even an operation at the limits cannot hold up the event loop that serves other connections. The
        // worker continues from what the caches gave; the fetches then continue on this event loop.
        return vertx.executeBlocking(() -> guarded(prepared.remaining()), false)
                .toCompletionStage().toCompletableFuture()
                .thenCompose(done -> run(done, variables, headers));
    }

    /**
     * What a request needs to run: its plan (and introspection answer), or the error that answers it instead, or
     * (remaining) the work the caches could not spare it, to be done off the event loop.
     */
    private record Prepared(Supergraph supergraph, QueryPlan plan, JsonNode introspection, ObjectNode answer,
            Supplier<Prepared> remaining) {
        static Prepared answered(ObjectNode answer) {
            return new Prepared(null, null, null, answer, null);
        }

        static Prepared ready(Supergraph supergraph, QueryPlan plan, JsonNode introspection) {
            return new Prepared(supergraph, plan, introspection, null, null);
        }

        static Prepared remaining(Supplier<Prepared> work) {
            return new Prepared(null, null, null, null, work);
        }
    }

    /**
     * Limits → parse → validate → coerce → normalize → plan, each step served from the caches when it can be; the
     * first step that has to work (parse, plan, introspect) and everything after it is left as {@code remaining}.
     */
    private Prepared prepare(String query, ObjectNode variables, String operationName, boolean queriesOnly) {
        return guarded(() -> {
            Supergraph supergraph = supergraphs.current().orElseThrow(() -> new RequestException("SUPERGRAPH_NOT_READY",
                    "The gateway has not composed the supergraph yet: " + supergraphs.lastError()));
            if (query == null || query.isBlank()) {
                throw new RequestException("BAD_REQUEST", "The request has no query");
            }
            GatewayConfig.Limits limits = config.limits();
            OperationLimits checks = new OperationLimits(limits.maxDepth(), limits.maxAliases(), limits.maxFields(),
                    limits.maxOperationSize());
            checks.checkSize(query);
            Document known = validated.get(supergraph, query);
            if (known != null) {
                return plan(supergraph, query, known, variables, operationName, queriesOnly);
            }
            return Prepared.remaining(() -> {
                Document document = parse(query);
                checks.checkShape(document);
                List<graphql.validation.ValidationError> invalid = ParseAndValidate.validate(supergraph.apiSchema(), document, Locale.ENGLISH);
                if (!invalid.isEmpty()) {
                    return Prepared.answered(errors(invalid.stream().map(e -> (GraphQLError) e).toList(),
                            message -> ClientMessages.validation(message, document), "GRAPHQL_VALIDATION_FAILED"));
                }
                validated.put(supergraph, query, document);
                Prepared planned = plan(supergraph, query, document, variables, operationName, queriesOnly);
                return planned.remaining() == null ? planned : planned.remaining().get();
            });
        });
    }

    private Prepared plan(Supergraph supergraph, String query, Document document, ObjectNode variables, String operationName,
            boolean queriesOnly) {
        OperationDefinition operation = OperationNormalizer.select(document, operationName);
        if (queriesOnly && operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            throw new RequestException("OPERATION_NOT_SUPPORTED", "Mutations cannot be sent with GET; use POST");
        }
        Map<String, Object> raw = variables == null ? Map.of() : mapper.convertValue(variables, Map.class);
        Map<String, Object> coerced = coerce(supergraph, operation, raw);
        PlanCache.Key key = PlanCache.key(query, document, operation, coerced);
        QueryPlan cached = plans.get(supergraph, key);
        if (cached != null) {
            planHits.increment();
            if (!cached.operation().hasIntrospection()) {
                return Prepared.ready(supergraph, cached, null);
            }
            return Prepared.remaining(() -> Prepared.ready(supergraph, cached, introspect(supergraph, document, operation, raw)));
        }
        return Prepared.remaining(() -> {
            QueryPlan plan = new QueryPlanner(supergraph).plan(new OperationNormalizer(supergraph.apiSchema(), document, coerced).normalize(operation));
            plans.put(supergraph, key, plan);
            planMisses.increment();
            LOG.debugf("Plan: %s", plan.roots());
            return Prepared.ready(supergraph, plan,
                    plan.operation().hasIntrospection() ? introspect(supergraph, document, operation, raw) : null);
        });
    }

    /** A request error answers in GraphQL's shape; a gateway bug too, with its details in the log. */
    private Prepared guarded(Supplier<Prepared> step) {
        try {
            return step.get();
        } catch (RequestException e) {
            return Prepared.answered(error(e.getMessage(), e.code()));
        } catch (RuntimeException | StackOverflowError e) {
            return Prepared.answered(internalError(e));
        }
    }

    /** Fetch → shape. */
    private CompletableFuture<ObjectNode> run(Prepared prepared, ObjectNode variables, Map<String, String> headers) {
        if (prepared.answer() != null) {
            return CompletableFuture.completedFuture(prepared.answer());
        }
        try {
            QueryPlan plan = prepared.plan();
            NormalizedOperation normalized = plan.operation();
            ExecutionContext context = new ExecutionContext(mapper, headers, variables);
            ResponseShaper shaper = new ResponseShaper(prepared.supergraph().apiSchema(), mapper, prepared.introspection());
            return new PlanExecutor(client).execute(plan, context, shaper).thenApply(done -> {
                synchronized (context) {
                    String data = context.streamed != null ? context.streamed
                            : shaper.object(context.data, normalized.rootType(), normalized.rootFields());
                    ObjectNode response = mapper.createObjectNode();
                    if (!context.errors.isEmpty()) {
                        response.putArray("errors").addAll(context.errors);
                    }
                    // already JSON text: written into the HTTP response as it is
                    if (data == null) {
                        response.putNull("data");
                    } else {
                        response.putRawValue("data", new RawValue(data));
                    }
                    return response;
                }
            }).exceptionally(this::internalError);
        } catch (RuntimeException | StackOverflowError e) {
            return CompletableFuture.completedFuture(internalError(e));
        }
    }

    /** A gateway bug must still answer in GraphQL's shape, with the details in the log rather than the response. */
    private ObjectNode internalError(Throwable failure) {
        LOG.error("The gateway failed on a request", failure);
        return error("The gateway failed on this request; its log has the details", "INTERNAL_SERVER_ERROR");
    }

    private Document parse(String query) {
        try {
            // The size limit already bounds the text; the parser's own token limit is left at its default.
            return new Parser().parseDocument(query);
        } catch (InvalidSyntaxException e) {
            throw new RequestException("GRAPHQL_PARSE_FAILED", plain(e.getMessage(), "The operation is not valid GraphQL syntax"));
        }
    }

    private static Map<String, Object> coerce(Supergraph supergraph, OperationDefinition operation, Map<String, Object> raw) {
        try {
            CoercedVariables coerced = graphql.execution.ValuesResolver.coerceVariableValues(supergraph.apiSchema(), operation.getVariableDefinitions(),
                    RawVariables.of(raw), GraphQLContext.getDefault(), Locale.ENGLISH);
            return coerced.toMap();
        } catch (RuntimeException e) {
            throw new RequestException("BAD_USER_INPUT", plain(ClientMessages.words(e.getMessage()),
                    "A variable does not match its declared type"));
        }
    }

    /**
     * {@code __schema}/{@code __type} are answered from the API schema by graphql-java itself: the operation is cut
     * down to its introspection root fields and run without re-validation (the whole document was validated).
     */
    private JsonNode introspect(Supergraph supergraph, Document document, OperationDefinition operation, Map<String, Object> raw) {
        SelectionSet onlyIntrospection = SelectionSet.newSelectionSet(operation.getSelectionSet().getSelections().stream()
                .filter(s -> s instanceof Field f && (f.getName().equals("__schema") || f.getName().equals("__type")))
                .toList()).build();
        OperationDefinition reduced = operation.transform(b -> b.operation(OperationDefinition.Operation.QUERY)
                .selectionSet(onlyIntrospection));
        Document cut = document.transform(b -> b.definitions(document.getDefinitions().stream()
                .map(d -> d == operation ? reduced : d).toList()));
        // The query text is a placeholder: the preparsed-document provider below hands graphql-java the cut document.
        ExecutionInput input = ExecutionInput.newExecutionInput().query("{ __typename }").variables(raw)
                .operationName(operation.getName())
                .graphQLContext(Map.of(ParseAndValidate.INTERNAL_VALIDATION_PREDICATE_HINT,
                        (java.util.function.Predicate<Class<?>>) rule -> false))
                .build();
        ExecutionResult result = GraphQL.newGraphQL(supergraph.apiSchema())
                .preparsedDocumentProvider((in, parse) -> CompletableFuture.completedFuture(
                        new graphql.execution.preparsed.PreparsedDocumentEntry(cut)))
                .build().execute(input);
        if (!result.getErrors().isEmpty()) {
            GraphQLError first = result.getErrors().get(0);
            if (first instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
                throw new RequestException("QUERY_TOO_COMPLEX", first.getMessage());
            }
            throw new IllegalStateException("Introspection failed: " + result.getErrors());
        }
        return mapper.valueToTree(result.getData() == null ? Map.of() : result.getData());
    }

    private ObjectNode errors(List<GraphQLError> errors, UnaryOperator<String> forClients, String code) {
        ObjectNode response = mapper.createObjectNode();
        ArrayNode list = response.putArray("errors");
        for (GraphQLError error : errors) {
            ObjectNode node = list.addObject();
            node.put("message", plain(forClients.apply(error.getMessage()), "The operation does not match the schema here"));
            if (error.getLocations() != null && !error.getLocations().isEmpty()) {
                ArrayNode locations = node.putArray("locations");
                for (SourceLocation location : error.getLocations()) {
                    locations.addObject().put("line", location.getLine()).put("column", location.getColumn());
                }
            }
            node.putObject("extensions").put("code", code);
        }
        return response;
    }

    /** The message, unless it still shows Java internals: then the fallback (and the message goes to the log). */
    private static String plain(String message, String fallback) {
        if (message == null || message.isBlank() || ClientMessages.looksLikeJava(message)) {
            LOG.infof("Answered a plain message instead of: %s", message);
            return fallback;
        }
        return message;
    }

    /** A request error response: one error with {@code extensions.code}, no {@code data}. */
    public ObjectNode error(String message, String code) {
        ObjectNode response = mapper.createObjectNode();
        ObjectNode node = response.putArray("errors").addObject();
        node.put("message", message);
        node.putObject("extensions").put("code", code);
        return response;
    }
}
