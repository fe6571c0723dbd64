package io.firebreak.alert.web;

import java.time.Instant;
import java.util.List;

import io.firebreak.alert.AlertSource;
import io.firebreak.alert.IntegrationView;
import io.firebreak.alert.internal.AlertCommand;
import tools.jackson.databind.JsonNode;

/**
 * One sender's format: turns a parsed delivery into commands for the writer, or throws
 * {@link IngestionException} (400 naming the field) without anything being stored. Every
 * implementation is injected as a list and looked up by {@link #format()}.
 */
interface SenderAdapter {

    /** The path segment / format this adapter reads. */
    AlertSource format();

    List<AlertCommand> parse(JsonNode body, IntegrationView integration, Instant now);
}
