package io.firebreak.severity;

import java.time.LocalDate;

/** A non-working date of the working calendar, with its name ("National Day"). */
public record Holiday(LocalDate date, String name) {
}
