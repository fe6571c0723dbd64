package io.firebreak.alert.internal;

import io.firebreak.alert.IntegrationView;

/** An integration with its signing secret, for ingestion only; never leaves the module. */
public record IntegrationRecord(IntegrationView view, String signingSecret) {
}
