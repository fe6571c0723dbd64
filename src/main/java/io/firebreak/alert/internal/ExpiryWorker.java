package io.firebreak.alert.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resolves Alertmanager API v2 alerts whose {@code endsAt} passed without a refresh. Each pass
 * finds candidates and hands EXPIRE commands to the writer, which re-checks each alert under its
 * row lock (still firing, expiry still passed), so a refresh that won the race keeps the alert
 * firing and with several instances exactly one writes the RESOLVED feed entry.
 */
@Component
public class ExpiryWorker {

    private static final Logger log = LoggerFactory.getLogger(ExpiryWorker.class);
    private static final int BATCH = 1000;

    private final AlertQueries queries;
    private final AlertWriter writer;
    private final Clock clock;

    ExpiryWorker(AlertQueries queries, AlertWriter writer, Clock clock) {
        this.queries = queries;
        this.writer = writer;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.alert.expiry-interval:PT15S}",
            initialDelayString = "${firebreak.alert.expiry-interval:PT15S}")
    void scheduledPass() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Alert expiry pass failed; retrying on the next pass", e);
        }
    }

    /** Runs one pass and returns how many alerts it resolved. */
    public int runOnce() {
        Instant now = clock.instant();
        int resolved = 0;
        while (true) {
            List<Object[]> due = queries.expired(now, BATCH);
            if (due.isEmpty()) {
                return resolved;
            }
            List<AlertCommand> commands = new ArrayList<>();
            for (Object[] d : due) {
                commands.add(AlertCommand.expire((Long) d[0], (String) d[1], now));
            }
            int n = (int) writer.write(commands).stream().filter(r -> r.transition() != null).count();
            resolved += n;
            if (due.size() < BATCH || n == 0) {
                return resolved;
            }
        }
    }
}
