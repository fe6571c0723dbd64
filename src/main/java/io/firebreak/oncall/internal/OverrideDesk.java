package io.firebreak.oncall.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.Role;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.oncall.OverrideDefinition;
import io.firebreak.oncall.OverrideKind;
import io.firebreak.oncall.OverrideView;
import io.firebreak.oncall.ScheduleView;
import io.firebreak.oncall.SwapRequest;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;
import io.firebreak.shared.PermissionDeniedException;

/**
 * Overrides, "take this shift now" and swaps. A responder may only put themselves on call (or be
 * one of the two people in a swap); commanders and admins ("managers") may arrange anyone. Every
 * change is audited.
 */
@Service
public class OverrideDesk {

    static final Duration MAX_OVERRIDE = Duration.ofDays(366);

    private final ScheduleRepository repository;
    private final ScheduleEditor schedules;
    private final OnCallReader reader;
    private final UserManagement users;
    private final AuditManagement audit;
    private final Clock clock;

    OverrideDesk(ScheduleRepository repository, ScheduleEditor schedules, OnCallReader reader, UserManagement users,
            AuditManagement audit, Clock clock) {
        this.repository = repository;
        this.schedules = schedules;
        this.reader = reader;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The overrides of the schedule that have not ended yet, earliest first. */
    @Transactional(readOnly = true)
    public List<OverrideView> upcoming(long scheduleId) {
        schedules.get(scheduleId);
        Instant now = clock.instant();
        return views(repository.overrides(scheduleId, now, Instant.parse("9999-12-31T00:00:00Z")));
    }

    @Transactional
    public OverrideView create(long scheduleId, OverrideDefinition d, String actor) {
        schedules.get(scheduleId);
        UserView by = users.getByUsername(actor);
        if (d == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        if (d.userId() == null || users.findById(d.userId()).isEmpty()) {
            throw new InvalidInputException("userId", "no user with id " + d.userId());
        }
        if (d.start() == null) {
            throw new InvalidInputException("start", "is required");
        }
        if (d.end() == null || !d.end().isAfter(d.start())) {
            throw new InvalidInputException("end", "must be after the start");
        }
        if (!d.end().isAfter(clock.instant())) {
            throw new InvalidInputException("end", "must be in the future");
        }
        if (Duration.between(d.start(), d.end()).compareTo(MAX_OVERRIDE) > 0) {
            throw new InvalidInputException("end", "an override lasts at most 366 days");
        }
        if (d.userId() != by.id() && !manager(by)) {
            throw new PermissionDeniedException("Only a commander or an admin may put someone else on call.");
        }
        return insert(scheduleId, d.userId(), micros(d.start()), micros(d.end()), OverrideKind.OVERRIDE, null, actor);
    }

    /** Removes an override; allowed to the person covering, its creator and managers. */
    @Transactional
    public void delete(long scheduleId, long overrideId, String actor) {
        var o = repository.findOverride(overrideId).filter(r -> r.scheduleId() == scheduleId)
                .orElseThrow(() -> new NotFoundException("No override " + overrideId + " on schedule " + scheduleId));
        UserView by = users.getByUsername(actor);
        if (o.userId() != by.id() && !o.createdBy().equals(actor) && !manager(by)) {
            throw new PermissionDeniedException("Only the person covering, whoever made it, a commander or an admin"
                    + " may remove this override.");
        }
        repository.deleteOverride(overrideId);
        audit.record(actor, "oncall-override", String.valueOf(overrideId), "deleted", views(List.of(o)).getFirst(),
                null);
    }

    /** The caller goes on call from now to the end of the current stretch (whoever has it, or nobody). */
    @Transactional
    public OverrideView takeShift(long scheduleId, String actor) {
        ScheduleView schedule = schedules.get(scheduleId);
        repository.lock(scheduleId);
        UserView by = users.getByUsername(actor);
        Instant now = micros(clock.instant());
        var stretch = reader.around(schedule, now).stretchAt(now, OnCallReader.REACH);
        if (stretch.userId() != null && stretch.userId() == by.id()) {
            throw new ConflictException("You are already on call on " + schedule.name() + ".");
        }
        return insert(scheduleId, by.id(), now, stretch.end(), OverrideKind.TAKE, null, actor);
    }

    /** Two people exchange the stretches they have at two instants, as a pair of overrides. */
    @Transactional
    public List<OverrideView> swap(long scheduleId, SwapRequest request, String actor) {
        ScheduleView schedule = schedules.get(scheduleId);
        repository.lock(scheduleId);
        if (request == null || request.firstAt() == null) {
            throw new InvalidInputException("firstAt", "is required");
        }
        if (request.secondAt() == null) {
            throw new InvalidInputException("secondAt", "is required");
        }
        Instant now = micros(clock.instant());
        var first = stretch(schedule, request.firstAt(), now, "firstAt");
        var second = stretch(schedule, request.secondAt(), now, "secondAt");
        if (first.userId().equals(second.userId())) {
            throw new InvalidInputException("secondAt", "the same person is on call at both times");
        }
        UserView by = users.getByUsername(actor);
        if (by.id() != first.userId() && by.id() != second.userId() && !manager(by)) {
            throw new PermissionDeniedException("Only one of the two people, a commander or an admin may swap shifts.");
        }
        String swapId = UUID.randomUUID().toString();
        return List.of(
                insert(scheduleId, second.userId(), later(first.start(), now), first.end(), OverrideKind.SWAP, swapId,
                        actor),
                insert(scheduleId, first.userId(), later(second.start(), now), second.end(), OverrideKind.SWAP, swapId,
                        actor));
    }

    private OnCallCalculator.Segment stretch(ScheduleView schedule, Instant at, Instant now, String field) {
        var s = reader.around(schedule, at).stretchAt(at, OnCallReader.REACH);
        if (s.userId() == null) {
            throw new InvalidInputException(field, "nobody is on call then");
        }
        if (!s.end().isAfter(now)) {
            throw new InvalidInputException(field, "that shift is over");
        }
        return s;
    }

    private OverrideView insert(long scheduleId, long userId, Instant start, Instant end, OverrideKind kind,
            String swapId, String actor) {
        long id = repository.insertOverride(scheduleId, userId, start, end, kind, swapId, actor, clock.instant());
        OverrideView view = views(List.of(repository.findOverride(id).orElseThrow())).getFirst();
        audit.record(actor, "oncall-override", String.valueOf(id), "created", null, view);
        return view;
    }

    private List<OverrideView> views(List<ScheduleRepository.OverrideRow> rows) {
        Map<Long, String> names = users.list().stream()
                .collect(Collectors.toMap(UserView::id, UserView::username, (a, b) -> a));
        return rows.stream().map(r -> new OverrideView(r.id(), r.scheduleId(), r.userId(),
                names.getOrDefault(r.userId(), "#" + r.userId()), r.start(), r.end(), r.kind(), r.swapId(),
                r.createdBy(), r.createdAt())).toList();
    }

    static boolean manager(UserView user) {
        return user.role().includes(Role.COMMANDER);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Stored timestamps keep microseconds; trimming first keeps what is stored and what is compared equal. */
    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
