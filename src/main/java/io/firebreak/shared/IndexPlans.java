package io.firebreak.shared;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an index look-up with a plan that is an index look-up, made once per connection. pgjdbc
 * prepares a statement on the server after five executions and PostgreSQL then keeps one generic
 * plan for it; a generic plan made while a table was nearly empty is a sequential scan, kept
 * however large the table grows. And until a table is analysed (never, if autovacuum is off),
 * PostgreSQL guesses 0.5 % of the rows per value of {@code = ANY(array)}: 200 values look like the
 * whole table and even a plan made for the actual values scans all of it (seen at 40,000 rows per
 * look-up in an alert storm). The alert, feed and link tables start empty and grow by thousands of
 * rows a second, so their batch look-ups run through here: on PostgreSQL, for that statement only,
 * {@code enable_seqscan} is off and {@code plan_cache_mode} is {@code force_generic_plan}, so the
 * plan is made without a sequential scan and then reused (a plan made for each call's values cost
 * as much CPU as running the look-up). Only statements with exactly one index that serves them,
 * whatever the parameters, belong here. Elsewhere (H2) this does nothing.
 */
@Component
public class IndexPlans {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    IndexPlans(DataSource dataSource, JdbcTemplate jdbc) throws MetaDataAccessException {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
        this.postgres = "PostgreSQL".equalsIgnoreCase(product);
    }

    /** Whether the database is PostgreSQL (otherwise H2). */
    public boolean postgres() {
        return postgres;
    }

    /**
     * Runs the query {@code sql} ({@code ?} parameters, bound in order; arrays as SQL arrays)
     * inside the caller's transaction (required) with an index plan on PostgreSQL, and maps its rows.
     * On PostgreSQL the settings, the query and the reset travel as one multi-statement request:
     * one round trip instead of three.
     */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        if (!postgres) {
            return jdbc.query(sql, mapper, args);
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("IndexPlans needs a transaction: SET LOCAL ends with it");
        }
        // Back to the session's own settings after the query, for the rest of the transaction. On
        // failure there is no need: the transaction is rolled back, and SET LOCAL with it.
        String statements = "SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off; " + sql
                + "; RESET plan_cache_mode; RESET enable_seqscan";
        return jdbc.execute((ConnectionCallback<List<T>>) con -> {
            try (PreparedStatement ps = con.prepareStatement(statements)) {
                for (int i = 0; i < args.length; i++) {
                    StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, args[i]);
                }
                boolean resultSet = ps.execute();
                while (!resultSet) {
                    if (ps.getUpdateCount() == -1) {
                        throw new IllegalStateException("no result set from " + sql);
                    }
                    resultSet = ps.getMoreResults();
                }
                try (ResultSet rs = ps.getResultSet()) {
                    return new RowMapperResultSetExtractor<>(mapper).extractData(rs);
                }
            }
        });
    }
}
