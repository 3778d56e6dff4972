package gov.planning.common.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;

/**
 * The data fetcher of every plain field of an answered object (a record component, a public field or getter): reads
 * the value and converts it exactly as SmallRye's own {@code FieldDataFetcher} does (dates, ids, adapters), without
 * SmallRye's per-field request context. That context (a clone per field with its path, its selection set rendered as
 * JSON twice, the operation's name) serves code that runs for the field, and an accessor runs none; it was most of
 * org-service's CPU for a province's 20,000 organizations (bench/scale README, 2026-12-06 14:35). Methods with
 * {@code @Source}, queries and mutations keep SmallRye's fetchers and their context. Registered per subgraph in
 * {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService}.
 */
public class PlainFieldFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new PlainFieldFetcher<>(field, owner);
    }

    /**
     * A {@link LightDataFetcher}: graphql-java builds the field's {@code DataFetchingEnvironment} only when asked, and
     * only a value SmallRye converts (an id, a date, a list, an adapted type) asks for it.
     */
    static final class PlainFieldFetcher<T> implements PlugableDataFetcher<T>, LightDataFetcher<T> {

        private static final Logger LOG = Logger.getLogger(PlainFieldFetchers.class);

        private final Field field;
        private final Reference owner;
        private final FieldHelper conversion;
        /** False for a value graphql-java takes as it is: a String, Integer or Boolean, an enum. */
        private final boolean converted;
        /** Found on first use, as SmallRye does: the owner's class is loadable only once the application runs. */
        private volatile Accessor accessor;

        PlainFieldFetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.conversion = new FieldHelper(field);
            Reference type = field.getReference();
            boolean plainScalar = type.getType() == ReferenceType.SCALAR && type.getClassName().equals(type.getGraphQLClassName());
            this.converted = field.hasWrapper() || field.hasTransformation() || field.isAdaptingTo() || field.isAdaptingWith()
                    || type.isAdaptingTo() || type.isAdaptingWith() || !(plainScalar || type.getType() == ReferenceType.ENUM);
        }

        @Override
        public T get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            return converted ? get(environment.get()) : read(source);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(DataFetchingEnvironment environment) throws Exception {
            Object value = read(environment.getSource());
            try {
                return (T) conversion.transformOrAdaptResponse(value, environment);
            } catch (AbstractDataFetcherException e) {
                // SmallRye's own fetcher answers the unconverted value too
                LOG.warnf(e, "field %s of %s not converted", field.getName(), owner.getName());
                return (T) value;
            }
        }

        @SuppressWarnings("unchecked")
        private <V> V read(Object source) throws Exception {
            Accessor read = accessor;
            if (read == null) {
                read = accessor = accessor();
            }
            return (V) read.get(source);
        }

        private Accessor accessor() {
            try {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                if (field.getMethodName() == null) {
                    java.lang.reflect.Field javaField = type.getField(field.getPropertyName());
                    return javaField::get;
                }
                Method method = type.getMethod(field.getMethodName());
                return source -> {
                    try {
                        return method.invoke(source);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                };
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }
    }

    @FunctionalInterface
    private interface Accessor {
        Object get(Object source) throws Exception;
    }
}
