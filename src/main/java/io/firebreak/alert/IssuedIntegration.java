package io.firebreak.alert;

/** An integration with its key in clear text: returned once, at creation and on rotation, never again. */
public record IssuedIntegration(IntegrationView integration, String key) {
}
