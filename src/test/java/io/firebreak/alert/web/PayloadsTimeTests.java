package io.firebreak.alert.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The hand-written RFC 3339 reading agrees with java.time and refuses what java.time refuses. */
class PayloadsTimeTests {

    private static Instant javaTime(String s) {
        return s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant();
    }

    @Test
    void theSendersShapesReadAsJavaTimeReadsThem() {
        for (String s : new String[] { "2026-12-05T06:00:00Z", "2026-12-05T06:00:00.1Z", "2026-12-05T06:00:00.123456Z",
                "2026-12-05T06:00:00.123456789Z", "2026-12-05T06:00:00+08:00", "2026-12-05T06:00:00.5-03:30",
                "0001-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999+00:00", "1970-01-01T00:00:00-17:59",
                "9999-12-31T23:59:59Z" }) {
            assertThat(Payloads.parseTime(s)).as(s).isEqualTo(javaTime(s));
        }
        assertThat(Payloads.parseTime("2026-12-05t06:00:00z")).isEqualTo(Instant.parse("2026-12-05T06:00:00Z"));
    }

    @Test
    void invalidTimesAreRefused() {
        for (String s : new String[] { "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-12-05T06:60:00Z", "2026-12-05T06:00:00",
                "2026-12-05T06:00:00.1234567890Z", "2026-12-05 06:00:00Z", "2026-12-05T06:00:00+0800",
                "2026-12-05T06:00:00+19:00", "20261205T060000Z", "yesterday", "2026-1a-05T06:00:00Z" }) {
            assertThatThrownBy(() -> Payloads.parseTime(s)).as(s).isInstanceOf(DateTimeException.class);
        }
    }
}
