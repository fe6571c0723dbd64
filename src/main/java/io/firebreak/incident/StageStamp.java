package io.firebreak.incident;

import java.time.Instant;

/** When a stage was reached and by whom (a username, or "system"). */
public record StageStamp(Stage stage, Instant at, String by) {
}
