package io.firebreak.oncall.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.AuditManagement;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.oncall.LayerDefinition;
import io.firebreak.oncall.LayerView;
import io.firebreak.oncall.ScheduleDefinition;
import io.firebreak.oncall.ScheduleView;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * Audited upkeep of schedules and their layers (admin work). Names are unique ignoring case, the
 * owner team and every participant must exist, and time zones are IANA ids.
 */
@Service
public class ScheduleEditor {

    static final int MAX_PARTICIPANTS = 100;

    private final ScheduleRepository repository;
    private final TeamManagement teams;
    private final UserManagement users;
    private final AuditManagement audit;
    private final Clock clock;

    ScheduleEditor(ScheduleRepository repository, TeamManagement teams, UserManagement users, AuditManagement audit,
            Clock clock) {
        this.repository = repository;
        this.teams = teams;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ScheduleView> list() {
        return repository.list();
    }

    /** Returns the schedule or throws {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public ScheduleView get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("No schedule with id " + id));
    }

    @Transactional
    public ScheduleView create(ScheduleDefinition definition, String actor) {
        ScheduleDefinition d = validate(definition, null);
        long id;
        try {
            id = repository.insert(d.name(), d.description(), d.teamId(), d.timeZone(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(d.name());
        }
        ScheduleView created = get(id);
        audit.record(actor, "schedule", String.valueOf(id), "created", null, created);
        return created;
    }

    @Transactional
    public ScheduleView update(long id, ScheduleDefinition definition, String actor) {
        ScheduleView before = get(id);
        ScheduleDefinition d = validate(definition, id);
        try {
            repository.update(id, d.name(), d.description(), d.teamId(), d.timeZone());
        } catch (DuplicateKeyException e) {
            throw duplicate(d.name());
        }
        return audited(actor, id, "updated", before);
    }

    @Transactional
    public void delete(long id, String actor) {
        ScheduleView before = get(id);
        repository.delete(id);
        audit.record(actor, "schedule", String.valueOf(id), "deleted", before, null);
    }

    @Transactional
    public ScheduleView addLayer(long scheduleId, LayerDefinition definition, String actor) {
        repository.lock(scheduleId);
        ScheduleView before = get(scheduleId);
        repository.insertLayer(scheduleId, validate(definition, repository.topPosition(scheduleId) + 1));
        return audited(actor, scheduleId, "layer-added", before);
    }

    @Transactional
    public ScheduleView updateLayer(long scheduleId, long layerId, LayerDefinition definition, String actor) {
        repository.lock(scheduleId);
        ScheduleView before = get(scheduleId);
        LayerView current = layer(before, layerId);
        repository.updateLayer(layerId, validate(definition, current.position()));
        return audited(actor, scheduleId, "layer-updated", before);
    }

    @Transactional
    public ScheduleView deleteLayer(long scheduleId, long layerId, String actor) {
        repository.lock(scheduleId);
        ScheduleView before = get(scheduleId);
        layer(before, layerId);
        repository.deleteLayer(layerId);
        return audited(actor, scheduleId, "layer-deleted", before);
    }

    private ScheduleView audited(String actor, long id, String action, ScheduleView before) {
        ScheduleView after = get(id);
        if (!after.equals(before)) {
            audit.record(actor, "schedule", String.valueOf(id), action, before, after);
        }
        return after;
    }

    private static LayerView layer(ScheduleView schedule, long layerId) {
        return schedule.layers().stream().filter(l -> l.id() == layerId).findFirst()
                .orElseThrow(() -> new NotFoundException("No layer " + layerId + " on schedule " + schedule.id()));
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("A schedule named " + name + " already exists.");
    }

    private ScheduleDefinition validate(ScheduleDefinition d, Long self) {
        if (d == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
            throw new InvalidInputException("name", "must be 1-100 characters");
        }
        String name = d.name().strip();
        String description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
        if (description != null && description.length() > 2000) {
            throw new InvalidInputException("description", "must be at most 2000 characters");
        }
        if (d.teamId() != null && teams.find(d.teamId()).isEmpty()) {
            throw new InvalidInputException("teamId", "no team with id " + d.teamId());
        }
        String zone = zone(d.timeZone());
        repository.idByName(name).filter(other -> self == null || other.longValue() != self).ifPresent(other -> {
            throw duplicate(name);
        });
        return new ScheduleDefinition(name, description, d.teamId(), zone);
    }

    private static String zone(String zone) {
        if (zone == null || zone.isBlank()) {
            throw new InvalidInputException("timeZone", "is required (an IANA zone such as Asia/Shanghai)");
        }
        try {
            return ZoneId.of(zone.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "unknown time zone " + zone.strip());
        }
    }

    /** A validated layer; {@code position} is used when the definition gives none. */
    private LayerView validate(LayerDefinition d, int position) {
        if (d == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
            throw new InvalidInputException("name", "must be 1-100 characters");
        }
        if (d.position() != null && (d.position() < 1 || d.position() > 1000)) {
            throw new InvalidInputException("position", "must be 1-1000");
        }
        if (d.shiftKind() == null) {
            throw new InvalidInputException("shiftKind", "must be DAILY, WEEKLY, CUSTOM_DAYS or CUSTOM_HOURS");
        }
        int length = 1;
        switch (d.shiftKind()) {
            case CUSTOM_DAYS -> length = within(d.shiftLength(), 1, 365);
            case CUSTOM_HOURS -> length = within(d.shiftLength(), 1, 24 * 365);
            default -> {
            }
        }
        String handoff;
        try {
            handoff = LocalTime.parse(d.handoffTime() == null ? "" : d.handoffTime().strip()).withSecond(0).withNano(0)
                    .toString();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("handoffTime", "must be a time of day such as 09:00");
        }
        if (d.startDate() == null) {
            throw new InvalidInputException("startDate", "is required");
        }
        if (d.endDate() != null && !d.endDate().isAfter(d.startDate())) {
            throw new InvalidInputException("endDate", "must be after the start date");
        }
        List<Long> participants = new ArrayList<>(d.participantIds() == null ? List.of() : d.participantIds());
        if (participants.isEmpty() || participants.size() > MAX_PARTICIPANTS) {
            throw new InvalidInputException("participantIds", "must name 1-" + MAX_PARTICIPANTS + " people");
        }
        if (participants.contains(null)) {
            throw new InvalidInputException("participantIds", "must not contain null");
        }
        for (Long id : new LinkedHashSet<>(participants)) {
            if (users.findById(id).isEmpty()) {
                throw new InvalidInputException("participantIds", "no user with id " + id);
            }
        }
        return new LayerView(0, d.position() == null ? position : d.position(), d.name().strip(), d.shiftKind(), length,
                handoff, d.startDate(), d.endDate(), participants);
    }

    private static int within(Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw new InvalidInputException("shiftLength", "must be " + min + "-" + max);
        }
        return value;
    }
}
