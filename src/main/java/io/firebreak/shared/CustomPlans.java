package io.firebreak.shared;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a statement with a plan made for its actual parameters. pgjdbc prepares a statement on
 * the server after five executions and PostgreSQL may then keep one generic plan for it; a
 * generic plan made while a table was nearly empty is a sequential scan, kept however large the
 * table grows until an ANALYZE (which may never come if autovacuum is off). The alert table and
 * the alert feed start empty and grow by thousands of rows a second, so their look-ups run through
 * here: on PostgreSQL {@code plan_cache_mode} is {@code force_custom_plan} for that statement only
 * (planning costs a fraction of a millisecond, once per batch); elsewhere this does nothing.
 */
@Component
public class CustomPlans {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    CustomPlans(DataSource dataSource, JdbcTemplate jdbc) throws MetaDataAccessException {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
        this.postgres = "PostgreSQL".equalsIgnoreCase(product);
    }

    /** Whether the database is PostgreSQL (otherwise H2). */
    public boolean postgres() {
        return postgres;
    }

    /** Runs {@code statement} inside the caller's transaction (required) with a custom plan on PostgreSQL. */
    public <T> T run(Supplier<T> statement) {
        if (!postgres) {
            return statement.get();
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("CustomPlans needs a transaction: SET LOCAL ends with it");
        }
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        T result = statement.get();
        // Back to the session's own setting for the rest of the transaction. On failure there is no
        // need: the transaction is rolled back, and SET LOCAL with it.
        jdbc.execute("RESET plan_cache_mode");
        return result;
    }
}
