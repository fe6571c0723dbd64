package io.firebreak.alert.web;

import org.springframework.test.context.TestPropertySource;

import io.firebreak.support.FirebreakTest;

/** The ingestion endpoints with {@code firebreak.alert.direct-ingestion=false}: served by {@link IngestionController}. */
@FirebreakTest
@TestPropertySource(properties = "firebreak.alert.direct-ingestion=false")
class MvcIngestionTests extends IngestionPathsContract {

    @Override
    boolean direct() {
        return false;
    }
}
