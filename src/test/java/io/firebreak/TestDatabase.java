package io.firebreak;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context at one fresh database per test JVM: an in-memory H2
 * database in PostgreSQL mode by default, or a newly created PostgreSQL database when the
 * system property {@code firebreak.test.db=postgresql} is set (the build's second surefire run).
 * PostgreSQL must be reachable (default {@code 127.0.0.1:5432}, user {@code postgres}); if it is
 * not, the tests fail rather than skip. {@code firebreak.test.db=external} leaves the datasource
 * settings alone (separate Firebreak processes started by a test, on a database it chose).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String KIND = System.getProperty("firebreak.test.db", "h2");
    private static final String NAME = "firebreak_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static volatile String url;

    public static boolean isPostgres() {
        return "postgresql".equals(KIND);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if ("external".equals(KIND)) {
            // A Firebreak process a test started on a database of its own (the cluster tests).
            return;
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("firebreak-test-db", Map.of(
                "spring.datasource.url", url(),
                "spring.datasource.username", isPostgres() ? pgUser() : "sa",
                "spring.datasource.password", isPostgres() ? System.getProperty("firebreak.test.pg.password", "") : "")));
    }

    /** The server and credentials of the PostgreSQL run, for tests that create a database of their own. */
    public static String postgresServer() {
        return System.getProperty("firebreak.test.pg.server", "127.0.0.1:5432");
    }

    public static String postgresUser() {
        return pgUser();
    }

    static synchronized String url() {
        if (url == null) {
            url = isPostgres() ? createPostgresDatabase()
                    : "jdbc:h2:mem:" + NAME + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        }
        return url;
    }

    private static String createPostgresDatabase() {
        String server = System.getProperty("firebreak.test.pg.server", "127.0.0.1:5432");
        try (var c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", pgUser(),
                System.getProperty("firebreak.test.pg.password", ""));
                var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL test run needs a server at " + server + ": " + e.getMessage(), e);
        }
        return "jdbc:postgresql://" + server + "/" + NAME;
    }

    private static String pgUser() {
        return System.getProperty("firebreak.test.pg.user", "postgres");
    }
}
