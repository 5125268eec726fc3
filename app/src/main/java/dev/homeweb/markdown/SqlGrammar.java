package dev.homeweb.markdown;

import static io.noties.prism4j.Prism4j.pattern;
import static io.noties.prism4j.Prism4j.token;
import static java.util.regex.Pattern.CASE_INSENSITIVE;
import static java.util.regex.Pattern.compile;

import io.noties.prism4j.GrammarUtils;
import io.noties.prism4j.Prism4j;

/** Adds PostgreSQL's words to Prism4j's SQL grammar, and colours AND, LIKE and NOT as keywords. */
final class SqlGrammar {
    private static final String WORDS =
            "AND|BETWEEN|ILIKE|IN|IS|LIKE|NOT|OR|SIMILAR|BIGSERIAL|BYTEA|CONCURRENTLY|CONFLICT"
                    + "|EXTENSION|FILTER|JSONB?|LATERAL|MATERIALIZED|NOTHING|NULLS|OWNED|RETURNING"
                    + "|SEQUENCE|SMALLSERIAL|TIMESTAMPTZ|TSQUERY|TSVECTOR|UUID|WINDOW";

    private SqlGrammar() {}

    static Prism4j.Grammar forPostgres(Prism4j.Grammar sql) {
        // Before the operator token, which would otherwise take AND, LIKE and NOT as uncoloured.
        GrammarUtils.insertBeforeToken(
                sql,
                "operator",
                token("keyword", pattern(compile("\\b(?:" + WORDS + ")\\b", CASE_INSENSITIVE))));
        return sql;
    }
}
