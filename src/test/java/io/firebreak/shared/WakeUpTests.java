package io.firebreak.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class WakeUpTests {

    private final Clock clock = Clock.systemUTC();

    @Test
    void signalsDuringAPassCoalesceIntoOneMorePass() throws Exception {
        CountDownLatch inFirstPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        try (WakeUp wakeUp = new WakeUp("test", true, clock, () -> {
            if (passes.incrementAndGet() == 1) {
                inFirstPass.countDown();
                await(release);
            }
            return Optional.empty();
        })) {
            wakeUp.now();
            assertThat(inFirstPass.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 50; i++) {
                wakeUp.now();
            }
            release.countDown();
            waitUntil(() -> passes.get() >= 2);
            Thread.sleep(200);
            assertThat(passes.get()).isEqualTo(2);
        }
    }

    @Test
    void aDeadlinePassRunsAtItsInstantAndNeverBefore() throws Exception {
        AtomicReference<Instant> ranAt = new AtomicReference<>();
        Instant due = clock.instant().plusMillis(300);
        try (WakeUp wakeUp = new WakeUp("test", true, clock, () -> {
            ranAt.compareAndSet(null, clock.instant());
            return Optional.empty();
        })) {
            wakeUp.at(due);
            waitUntil(() -> ranAt.get() != null);
            assertThat(ranAt.get()).isAfterOrEqualTo(due);
        }
    }

    @Test
    void theInstantAPassReturnsSchedulesTheNextPass() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        AtomicReference<Instant> secondAt = new AtomicReference<>();
        AtomicReference<Instant> asked = new AtomicReference<>();
        try (WakeUp wakeUp = new WakeUp("test", true, clock, () -> {
            if (passes.incrementAndGet() == 1) {
                asked.set(clock.instant().plusMillis(200));
                return Optional.of(asked.get());
            }
            secondAt.compareAndSet(null, clock.instant());
            return Optional.empty();
        })) {
            wakeUp.now();
            waitUntil(() -> secondAt.get() != null);
            assertThat(secondAt.get()).isAfterOrEqualTo(asked.get());
        }
    }

    @Test
    void aDisabledWakeUpNeverRuns() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        try (WakeUp wakeUp = new WakeUp("test", false, clock, () -> {
            passes.incrementAndGet();
            return Optional.empty();
        })) {
            wakeUp.now();
            wakeUp.at(clock.instant());
            wakeUp.afterCommit();
            Thread.sleep(200);
            assertThat(passes.get()).isZero();
        }
    }

    @Test
    void aPollRunsOnTheWakeUpThreadWhenEnabledAndDirectlyWhenNot() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicInteger direct = new AtomicInteger();
        try (WakeUp wakeUp = new WakeUp("poll-test", true, clock, () -> {
            ranOn.set(Thread.currentThread().getName());
            return Optional.empty();
        })) {
            wakeUp.poll(direct::incrementAndGet);
            waitUntil(() -> ranOn.get() != null);
            assertThat(ranOn.get()).isEqualTo("poll-test");
            assertThat(direct.get()).isZero();
        }
        try (WakeUp off = new WakeUp("off", false, clock, Optional::empty)) {
            off.poll(direct::incrementAndGet);
            assertThat(direct.get()).isEqualTo(1);
        }
    }

    @Test
    void aFailingPassDoesNotStopTheThread() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        try (WakeUp wakeUp = new WakeUp("test", true, clock, () -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
            return Optional.empty();
        })) {
            wakeUp.now();
            waitUntil(() -> passes.get() == 1);
            Thread.sleep(50);
            wakeUp.now();
            waitUntil(() -> passes.get() == 2);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(end);
            Thread.sleep(5);
        }
    }
}
