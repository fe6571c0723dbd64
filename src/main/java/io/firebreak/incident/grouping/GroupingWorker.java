package io.firebreak.incident.grouping;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.alert.AlertFeedAppended;
import io.firebreak.alert.AlertFeedEntry;
import io.firebreak.shared.WakeUp;

/**
 * Turns the alert module's transition feed into incidents. A reconciler safe with several
 * instances: each pass locks its cursor row ({@code SELECT … FOR UPDATE}), applies the entries
 * after it and moves it, all in one transaction, so every entry's effects commit exactly once
 * together with the cursor move, and a second instance waits for the lock and then continues.
 */
@Component
public class GroupingWorker {

    private static final Logger log = LoggerFactory.getLogger(GroupingWorker.class);
    static final String CURSOR = "alert-feed";
    static final int BATCH = 500;
    /** Passes smaller than this are followed by no pause (see {@link #pause()}). */
    static final int PAUSE_FROM = 20;

    private final AlertGrouper grouper;
    private final GroupingStore store;
    private final AlertFeed feed;
    private final TransactionTemplate pass;
    private final TransactionTemplate entry;
    private final Clock clock;
    private final String cursor;
    private final WakeUp wakeUp;
    private final long maxPauseNanos;
    // Only the wake-up's thread reads and writes these.
    private long lastPassEnd;
    private int lastPassEntries;
    private volatile boolean feedMissingLogged;

    @Autowired
    GroupingWorker(AlertGrouper grouper, GroupingStore store, AlertFeed feed, PlatformTransactionManager transactions,
            Clock clock, @Value("${firebreak.wake-up:true}") boolean wakeUpEnabled,
            @Value("${firebreak.alert-grouping-max-pause:PT0.2S}") Duration maxPause) {
        this(grouper, store, feed, transactions, clock, CURSOR, wakeUpEnabled, maxPause);
    }

    GroupingWorker(AlertGrouper grouper, GroupingStore store, AlertFeed feed, PlatformTransactionManager transactions,
            Clock clock, String cursor, boolean wakeUpEnabled, Duration maxPause) {
        this.grouper = grouper;
        this.store = store;
        this.feed = feed;
        this.pass = new TransactionTemplate(transactions);
        this.entry = new TransactionTemplate(transactions);
        this.entry.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.cursor = cursor;
        this.maxPauseNanos = maxPause.toNanos();
        this.wakeUp = new WakeUp("alert-grouping", wakeUpEnabled, clock, () -> {
            pause();
            try {
                lastPassEntries = drain();
            } finally {
                lastPassEnd = System.nanoTime();
            }
            return Optional.empty();
        });
    }

    /**
     * Before a woken pass, pauses 1 ms per feed entry the previous woken pass took, at most
     * {@code firebreak.alert-grouping-max-pause} after it ended, when that pass took at least
     * {@value #PAUSE_FROM} entries. A pass costs about 35 statements whatever its size (cursor,
     * feed, incident load and write, timeline), and during a storm back-to-back passes of a few
     * dozen entries spent more on those round trips than on the alerts. A trickle (the first alert
     * after a quiet spell, a hundred a second) never waits, so the first page stays prompt; a storm
     * is grouped in passes of hundreds.
     */
    private void pause() {
        if (lastPassEntries < PAUSE_FROM) {
            return;
        }
        long wait = lastPassEnd + Math.min(maxPauseNanos, lastPassEntries * 1_000_000L) - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    @EventListener
    void on(AlertFeedAppended e) {
        wakeUp.afterCommit();
    }

    @PreDestroy
    void stopWakeUp() {
        wakeUp.close();
    }

    @Scheduled(fixedDelayString = "${firebreak.alert-grouping-interval:PT1S}",
            initialDelayString = "${firebreak.alert-grouping-interval:PT1S}")
    void scheduledPass() {
        try {
            wakeUp.poll(() -> drain());
        } catch (UnsupportedOperationException e) {
            if (!feedMissingLogged) {
                feedMissingLogged = true;
                log.info("Alert feed not available yet; grouping waits for it");
            }
        } catch (RuntimeException e) {
            // Nothing of a failed pass committed, the cursor included: the next pass retries it.
            log.warn("Alert grouping pass failed; retrying on the next pass", e);
        }
    }

    /**
     * Passes until the feed is drained (at most 50 batches, so one caller cannot hog the cursor
     * lock); returns how many entries they took.
     */
    private int drain() {
        int total = 0;
        for (int i = 0; i < 50; i++) {
            int done = runOnce();
            total += done;
            if (done < BATCH) {
                break; // else more may be waiting: keep going rather than wait for the next signal
            }
        }
        return total;
    }

    /** One pass: processes up to one batch of feed entries; returns how many entries it consumed. */
    public int runOnce() {
        Integer done = pass.execute(status -> {
            long last = store.claimCursor(cursor);
            List<AlertFeedEntry> entries = feed.feedAfter(last, BATCH);
            for (int i = 0; i < entries.size(); ) {
                int joined = joinLeading(entries.subList(i, entries.size()));
                if (joined == 0) {
                    applyOne(entries.get(i));
                    joined = 1;
                }
                i += joined;
            }
            if (!entries.isEmpty()) {
                store.moveCursor(cursor, entries.get(entries.size() - 1).seq(), clock.instant());
            }
            for (long alertId : grouper.heldDue(cursor, BATCH)) {
                applyHeld(alertId);
            }
            return entries.size();
        });
        return done == null ? 0 : done;
    }

    private void applyHeld(long alertId) {
        try {
            entry.executeWithoutResult(s -> grouper.releaseHeld(alertId, cursor));
        } catch (ConcurrencyFailureException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            log.error("Held alert {} could not be released; dropped from flap control", alertId, ex);
            store.release(cursor, alertId);
        }
    }

    /**
     * Applies the leading plain joins of {@code entries} in bulk inside a savepoint (see
     * {@link AlertGrouper#leadingJoins}); returns how many it applied. If the bulk fails for any
     * reason but a concurrent change, it is undone and 0 is returned: the entries then go one by one.
     */
    private int joinLeading(List<AlertFeedEntry> entries) {
        Optional<AlertGrouper.Joins> joins = grouper.leadingJoins(entries);
        if (joins.isEmpty()) {
            return 0;
        }
        try {
            entry.executeWithoutResult(s -> grouper.join(joins.get()));
            return joins.get().entries();
        } catch (ConcurrencyFailureException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            log.warn("Joining {} alert feed entries in bulk failed; applying them one by one", entries.size(), ex);
            return 0;
        }
    }

    /**
     * Applies one entry inside a savepoint. A concurrent change of the incident fails the whole
     * pass (retried next pass, with the cursor unmoved); any other failure of one entry is logged
     * and that entry skipped, so one bad alert cannot stop all grouping.
     */
    private void applyOne(AlertFeedEntry e) {
        try {
            entry.executeWithoutResult(s -> grouper.apply(e, cursor));
        } catch (ConcurrencyFailureException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            log.error("Alert feed entry {} (alert {}) could not be grouped; skipped", e.seq(), e.alert().id(), ex);
        }
    }
}
