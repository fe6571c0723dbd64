package io.firebreak.oncall.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.oncall.ScheduleView;
import io.firebreak.oncall.ShiftHandedOff;

/**
 * Announces hand-offs. Each pass first reconciles, per schedule under its row lock, the planned
 * hand-offs of the coming {@link #HORIZON} (and the last {@link #GRACE}) with what the schedule
 * now says: missing rows are added, rows no longer true are dropped. Then it claims each due row
 * with a conditional update and publishes {@link ShiftHandedOff} in that same transaction, so
 * with any number of instances each hand-off is announced once. Rows left unannounced for longer
 * than {@link #GRACE} are marked MISSED rather than announced late.
 */
@Component
public class HandoffWorker {

    static final Duration HORIZON = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofHours(1);
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(HandoffWorker.class);

    private final ScheduleRepository schedules;
    private final HandoffRepository handoffs;
    private final OnCallReader reader;
    private final UserManagement users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    HandoffWorker(ScheduleRepository schedules, HandoffRepository handoffs, OnCallReader reader, UserManagement users,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.schedules = schedules;
        this.handoffs = handoffs;
        this.reader = reader;
        this.users = users;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${firebreak.oncall.handoff-interval:PT30S}",
            initialDelayString = "${firebreak.oncall.handoff-interval:PT30S}")
    void scheduledPass() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // Rows stay PENDING; the next pass reconciles and claims them again.
            log.warn("Hand-off pass failed; retrying on the next pass", e);
        }
    }

    /** One pass at the current clock time; returns the hand-offs this caller announced. */
    public List<ShiftHandedOff> runOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (ScheduleView s : schedules.list()) {
            tx.executeWithoutResult(status -> reconcile(s.id(), now));
        }
        tx.executeWithoutResult(status -> handoffs.markMissed(now.minus(GRACE)));
        List<ShiftHandedOff> announced = new ArrayList<>();
        for (long id : handoffs.due(now, BATCH)) {
            ShiftHandedOff event = tx.execute(status -> announce(id, now));
            if (event != null) {
                announced.add(event);
            }
        }
        return announced;
    }

    /** Makes the PENDING rows of one schedule match what the schedule says now. */
    void reconcile(long scheduleId, Instant now) {
        schedules.lock(scheduleId);
        ScheduleView schedule = schedules.find(scheduleId).orElse(null);
        if (schedule == null) {
            return;
        }
        Instant from = now.minus(GRACE);
        Instant to = now.plus(HORIZON);
        List<HandoffRepository.Handoff> planned = planned(schedule, from, to);
        List<HandoffRepository.Handoff> stored = handoffs.pending(scheduleId, from, to);
        for (var row : stored) {
            var match = planned.stream().filter(p -> p.samePlan(row)).findFirst();
            if (match.isEmpty()) {
                handoffs.deletePending(row.id());
            } else if (!match.get().equals(withId(row, 0))) {
                handoffs.replan(row.id(), match.get().fromUserId(), match.get().until());
            }
        }
        for (var p : planned) {
            if (stored.stream().noneMatch(p::samePlan) && !handoffs.exists(scheduleId, p.at(), p.toUserId())) {
                handoffs.insert(scheduleId, p);
            }
        }
    }

    /** Every change of person in [from, to] with someone coming on. */
    private List<HandoffRepository.Handoff> planned(ScheduleView schedule, Instant from, Instant to) {
        // Looking one reach further than the horizon tells how long the incoming person stays.
        var segments = reader.calculator(schedule, from, to.plus(OnCallReader.REACH))
                .segments(from, to.plus(OnCallReader.REACH));
        List<HandoffRepository.Handoff> out = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            var before = segments.get(i - 1);
            var after = segments.get(i);
            if (after.start().isAfter(to)) {
                break;
            }
            if (after.userId() != null && !after.userId().equals(before.userId())) {
                out.add(new HandoffRepository.Handoff(0, schedule.id(), after.start(), before.userId(),
                        after.userId(), after.end()));
            }
        }
        return out;
    }

    private ShiftHandedOff announce(long id, Instant now) {
        if (!handoffs.claim(id, now)) {
            return null;
        }
        var h = handoffs.find(id).orElseThrow();
        String scheduleName = schedules.find(h.scheduleId()).map(ScheduleView::name).orElse("#" + h.scheduleId());
        String username = users.findById(h.toUserId()).map(UserView::username).orElse("#" + h.toUserId());
        var event = new ShiftHandedOff(h.scheduleId(), scheduleName, h.fromUserId(), h.toUserId(), username, h.at(),
                h.until());
        events.publishEvent(event);
        return event;
    }

    private static HandoffRepository.Handoff withId(HandoffRepository.Handoff h, long id) {
        return new HandoffRepository.Handoff(id, h.scheduleId(), h.at(), h.fromUserId(), h.toUserId(), h.until());
    }
}
