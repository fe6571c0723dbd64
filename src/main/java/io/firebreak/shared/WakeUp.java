package io.firebreak.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a worker's pass on its own thread as soon as there is work, instead of at the next poll.
 * <p>
 * Contract: after {@link #now()} (or the commit that {@link #afterCommit()} waits for) the pass
 * starts without delay unless one is already running, in which case exactly one more pass follows
 * it: any number of signals coalesce into at most one pending pass, so a burst costs one pass, not
 * one per signal. {@link #at(Instant)} asks for a pass when that instant arrives on the injected
 * clock (never before it); the pass itself returns the next instant it has work due, so a worker
 * sleeps exactly until its earliest deadline. The worker's scheduled polling pass stays as the
 * safety net that catches anything a lost signal would miss; through {@link #poll(Runnable)} it
 * runs on this thread too. The pass must be safe to run concurrently with other instances' (the
 * workers' claims are).
 * <p>
 * A disabled wake-up (tests that drive workers by hand) ignores every signal. The thread is a
 * daemon started on the first signal; {@link #close()} stops it.
 */
public final class WakeUp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WakeUp.class);
    /** Longest sleep even with a far deadline, so a clock adjustment cannot strand the thread. */
    private static final Duration MAX_SLEEP = Duration.ofSeconds(10);

    private final String name;
    private final boolean enabled;
    private final Clock clock;
    private final Supplier<Optional<Instant>> pass;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;
    private Instant nextDue;
    private boolean closed;
    private Thread thread;

    /**
     * @param name    thread name, for thread dumps and logs
     * @param enabled false makes every signal a no-op
     * @param pass    one pass of the worker; returns the instant of its next due work, if known
     */
    public WakeUp(String name, boolean enabled, Clock clock, Supplier<Optional<Instant>> pass) {
        this.name = name;
        this.enabled = enabled;
        this.clock = clock;
        this.pass = pass;
    }

    /** Asks for a pass now. */
    public void now() {
        signal(null);
    }

    /**
     * Asks for a pass once the current transaction commits (nothing on rollback), or now when no
     * transaction is active: the pass must see the rows the caller just wrote.
     */
    public void afterCommit() {
        atAfterCommit(null);
    }

    /**
     * As {@link #at(Instant)}, but only once the current transaction commits (nothing on
     * rollback), or at once when no transaction is active: for a caller that just wrote a row due
     * at {@code due}, which the pass must be able to see. A null {@code due} asks for a pass now.
     */
    public void atAfterCommit(Instant due) {
        if (enabled) {
            AfterCommit.run(() -> signal(due));
        }
    }

    /**
     * The worker's scheduled polling pass. With wake-ups on it only signals, so the pass runs on
     * the wake-up's thread, which then also sleeps until rows it had not heard of (written by
     * another instance): one instance's passes never race each other for the same rows. With
     * wake-ups off, {@code direct} runs on the caller's thread.
     */
    public void poll(Runnable direct) {
        if (enabled) {
            now();
        } else {
            direct.run();
        }
    }

    /** Asks for a pass when {@code due} arrives on the clock (earlier requests win). */
    public void at(Instant due) {
        signal(due);
    }

    private void signal(Instant due) {
        if (!enabled) {
            return;
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (due == null || !due.isAfter(clock.instant())) {
                pending = true;
            } else if (nextDue == null || due.isBefore(nextDue)) {
                nextDue = due;
            }
            if (thread == null) {
                thread = Thread.ofPlatform().name(name).daemon(true).start(this::loop);
            }
            signalled.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (awaitWork()) {
            try {
                pass.get().ifPresent(due -> {
                    lock.lock();
                    try {
                        if (nextDue == null || due.isBefore(nextDue)) {
                            nextDue = due;
                        }
                    } finally {
                        lock.unlock();
                    }
                });
            } catch (RuntimeException e) {
                // The scheduled pass retries whatever this one left; nothing is lost by logging here.
                log.warn("{}: pass failed; the scheduled pass will retry", name, e);
            }
        }
    }

    /** Blocks until a pass is wanted; false once closed. */
    private boolean awaitWork() {
        lock.lock();
        try {
            while (!closed) {
                if (!pending && nextDue != null && !nextDue.isAfter(clock.instant())) {
                    pending = true;
                }
                if (pending) {
                    pending = false;
                    if (nextDue != null && !nextDue.isAfter(clock.instant())) {
                        nextDue = null;
                    }
                    return true;
                }
                Duration sleep = nextDue == null ? MAX_SLEEP : Duration.between(clock.instant(), nextDue);
                if (sleep.compareTo(MAX_SLEEP) > 0) {
                    sleep = MAX_SLEEP;
                }
                try {
                    // Rounded up to the next millisecond: never early.
                    signalled.awaitNanos(Math.max(sleep.toNanos(), 0) + 1_000_000 - sleep.toNanos() % 1_000_000);
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread after the pass in progress, if any. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
