package io.firebreak.oncall;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.oncall.internal.OnCallCalculator;
import io.firebreak.oncall.internal.OnCallReader;
import io.firebreak.oncall.internal.ScheduleRepository;

/**
 * The oncall module's facade for other modules: who is on call, now or at any instant. Overrides
 * beat every layer; among layers the highest position with someone on shift wins. A shift's end
 * is the end of that person's current stretch, followed at most {@link OnCallReader#REACH} ahead.
 */
@Service
public class OncallManagement {

    private final ScheduleRepository repository;
    private final OnCallReader reader;
    private final UserManagement users;
    private final CatalogManagement catalog;

    OncallManagement(ScheduleRepository repository, OnCallReader reader, UserManagement users,
            CatalogManagement catalog) {
        this.repository = repository;
        this.reader = reader;
        this.users = users;
        this.catalog = catalog;
    }

    /** Every schedule, ordered by name. */
    @Transactional(readOnly = true)
    public List<ScheduleSummary> schedules() {
        return repository.list().stream().map(ScheduleView::summary).toList();
    }

    /** The schedule, if it exists. */
    @Transactional(readOnly = true)
    public Optional<ScheduleSummary> schedule(long scheduleId) {
        return repository.find(scheduleId).map(ScheduleView::summary);
    }

    /**
     * Who is on call on the schedule at the instant: overrides first, then the highest layer that
     * has someone on shift; empty if nobody (or no such schedule).
     */
    @Transactional(readOnly = true)
    public Optional<OnCallShift> onCall(long scheduleId, Instant at) {
        return repository.find(scheduleId).flatMap(s -> onCall(s, at));
    }

    /** Who takes over from the person on call at {@code at}: the first different person after their stretch ends. */
    @Transactional(readOnly = true)
    public Optional<OnCallShift> nextOnCall(long scheduleId, Instant at) {
        return repository.find(scheduleId).flatMap(s -> reader.around(s, at)
                .nextAfter(at, OnCallReader.REACH).map(seg -> shift(s, seg, new HashMap<>())));
    }

    /** The people on call at the instant on every schedule the team owns (one entry per schedule with someone on). */
    @Transactional(readOnly = true)
    public List<OnCallShift> forTeam(long teamId, Instant at) {
        return repository.ofTeam(teamId).stream().flatMap(s -> onCall(s, at).stream()).toList();
    }

    /** The people on call at the instant for a service: the schedules of its owner team (catalog). */
    @Transactional(readOnly = true)
    public List<OnCallShift> forService(long serviceId, Instant at) {
        return catalog.find(serviceId).map(s -> s.ownerTeamId()).map(team -> forTeam(team, at)).orElse(List.of());
    }

    /**
     * Everyone on call on the schedule over [from, to), one entry per stretch, clipped to the
     * window; stretches with nobody on call are left out.
     */
    @Transactional(readOnly = true)
    public List<OnCallShift> shifts(long scheduleId, Instant from, Instant to) {
        return repository.find(scheduleId).map(s -> shifts(s, from, to, new HashMap<>())).orElse(List.of());
    }

    /** The user's stretches on call over [from, to) on every schedule, by start. */
    @Transactional(readOnly = true)
    public List<OnCallShift> shiftsOf(long userId, Instant from, Instant to) {
        Map<Long, String> names = new HashMap<>();
        return repository.list().stream().flatMap(s -> shifts(s, from, to, names).stream())
                .filter(shift -> shift.userId() == userId)
                .sorted(Comparator.comparing(OnCallShift::start)).toList();
    }

    private List<OnCallShift> shifts(ScheduleView schedule, Instant from, Instant to, Map<Long, String> names) {
        return reader.calculator(schedule, from, to).segments(from, to).stream().filter(seg -> seg.userId() != null)
                .map(seg -> shift(schedule, seg, names)).toList();
    }

    private Optional<OnCallShift> onCall(ScheduleView schedule, Instant at) {
        OnCallCalculator.Segment seg = reader.around(schedule, at).stretchAt(at, OnCallReader.REACH);
        return seg.userId() == null ? Optional.empty() : Optional.of(shift(schedule, seg, new HashMap<>()));
    }

    /** The shift of a segment; {@code names} remembers usernames already looked up. */
    private OnCallShift shift(ScheduleView schedule, OnCallCalculator.Segment seg, Map<Long, String> names) {
        String username = names.computeIfAbsent(seg.userId(),
                id -> users.findById(id).map(UserView::username).orElse("#" + id));
        return new OnCallShift(schedule.id(), schedule.name(), seg.userId(), username, seg.start(), seg.end(),
                seg.override());
    }
}
