package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys of the three tables every ingested alert writes a row to (alert →
 * alert_integration, alert_transition → alert, incident_alert → incident): their per-row checks
 * were about a fifth of PostgreSQL's work per alert. See docs/adr/0008-no-foreign-keys-on-alert-hot-path.md.
 * In Java because the constraints were declared inline, so their names differ between PostgreSQL
 * and H2; they are looked up in the connection's metadata.
 */
public class V20__drop_hot_path_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        drop(connection, "alert", "alert_integration");
        drop(connection, "alert_transition", "alert");
        drop(connection, "incident_alert", "incident");
    }

    private static void drop(Connection connection, String table, String parent) throws SQLException {
        String schema = connection.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet keys = connection.getMetaData().getImportedKeys(null, schema, table)) {
            while (keys.next()) {
                if (parent.equalsIgnoreCase(keys.getString("PKTABLE_NAME"))) {
                    names.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (names.isEmpty()) {
            throw new SQLException("no foreign key from " + table + " to " + parent + " in schema " + schema);
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
