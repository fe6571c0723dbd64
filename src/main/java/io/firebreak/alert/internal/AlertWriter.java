package io.firebreak.alert.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group commit for ingestion: requests put their parsed commands on a bounded queue and wait; one
 * writer thread takes everything waiting (up to {@code firebreak.alert.max-batch} commands),
 * applies it in ONE transaction with batched statements, commits, and only then completes each
 * request. A full queue refuses at once ({@link OverloadedException}, 429); a request whose commit
 * does not finish within {@code firebreak.alert.commit-timeout} gets 503 (its commands may still
 * commit later; the sender's retry is deduplicated). If a batch fails, each request is retried
 * alone so one bad request cannot fail its neighbours. See docs/adr/0005-alert-group-commit.md.
 */
@Component
public class AlertWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertWriter.class);

    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final AtomicInteger depth = new AtomicInteger();
    private final AlertStore store;
    private final TransactionTemplate tx;
    private final int maxBatch;
    private final Duration timeout;
    private volatile int capacity;
    private volatile boolean paused;
    private volatile boolean running;
    private Thread thread;

    AlertWriter(AlertStore store, TransactionTemplate tx, MeterRegistry meters,
            @Value("${firebreak.alert.queue-capacity:20000}") int capacity,
            @Value("${firebreak.alert.max-batch:2000}") int maxBatch,
            @Value("${firebreak.alert.commit-timeout:PT10S}") Duration timeout) {
        this.store = store;
        this.tx = tx;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        Gauge.builder("firebreak.alert.queue.depth", depth, AtomicInteger::get)
                .description("Ingestion requests waiting for the group-commit writer").register(meters);
    }

    /** Writes the commands and returns once they are committed; throws {@link OverloadedException} when it cannot. */
    public List<WriteResult> write(List<AlertCommand> commands) {
        if (commands.isEmpty()) {
            return List.of();
        }
        if (!running) {
            throw new OverloadedException(false, "Ingestion is not running.");
        }
        if (depth.incrementAndGet() > capacity) {
            depth.decrementAndGet();
            throw new OverloadedException(true, "Too many alerts are waiting to be stored; retry shortly.");
        }
        Pending p = new Pending(commands, new CompletableFuture<>());
        queue.add(p);
        try {
            return p.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OverloadedException(false, "The alerts were not stored in time; retry shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException(false, "Interrupted while storing alerts.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Requests waiting for the writer. */
    public int depth() {
        return depth.get();
    }

    /** Changes the queue capacity (in requests) at run time; tests use it to force 429. */
    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Stops taking work until {@link #resume()}; requests queue up meanwhile (tests of overload). */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            try {
                if (paused && running) {
                    Thread.sleep(5);
                    continue;
                }
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                if (paused && running) {
                    // Paused while waiting in poll: give the request back, untouched.
                    queue.offerFirst(first);
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                int count = first.commands().size();
                Pending next;
                while (count < maxBatch && (next = queue.peek()) != null
                        && count + next.commands().size() <= maxBatch) {
                    batch.add(queue.poll());
                    count += next.commands().size();
                }
                depth.addAndGet(-batch.size());
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Alert writer pass failed", e);
            }
        }
    }

    private void process(List<Pending> batch) {
        List<AlertCommand> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.commands()));
        try {
            List<WriteResult> results = commitWithRetry(all);
            int i = 0;
            for (Pending p : batch) {
                p.done().complete(results.subList(i, i + p.commands().size()));
                i += p.commands().size();
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                log.warn("Storing {} alert(s) failed", all.size(), e);
                batch.get(0).done().completeExceptionally(
                        new OverloadedException(false, "The alerts could not be stored; retry shortly."));
                return;
            }
            for (Pending p : batch) {
                process(List.of(p));
            }
        }
    }

    private List<WriteResult> commitWithRetry(List<AlertCommand> commands) {
        for (int attempt = 1;; attempt++) {
            try {
                return tx.execute(s -> store.apply(commands));
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                // Another instance inserted the same fingerprint or a lock conflicted: run the batch again.
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("alert-writer").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        paused = false;
        if (thread != null) {
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            p.done().completeExceptionally(new OverloadedException(false, "Shutting down."));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(List<AlertCommand> commands, CompletableFuture<List<WriteResult>> done) {
    }
}
