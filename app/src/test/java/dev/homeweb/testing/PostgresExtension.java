package dev.homeweb.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TestDatabase}: a new, empty database on the JVM's shared PostgreSQL for each
 * test method that asks for one, closed after it.
 */
public final class PostgresExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var server = SharedPostgres.in(context);
        var db = new TestDatabase(server);
        context.getStore(
                        ExtensionContext.Namespace.create(
                                PostgresExtension.class, parameter.getIndex()))
                .put("db", db);
        return db;
    }
}
