package io.firebreak.escalation.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.firebreak.escalation.ClockRuleAnchor;
import io.firebreak.escalation.ClockRuleView;
import io.firebreak.incident.ClockKind;
import io.firebreak.incident.ClockView;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.Stage;
import io.firebreak.incident.StageStamp;
import io.firebreak.severity.SeverityLevelView;
import io.firebreak.severity.WorkingCalendar;

/**
 * When a clock rule fires for an incident: the one place that turns a rule and an incident's state
 * into due instants, used both to write due rows and, at firing time, to check that a row is
 * still right (so nothing fires early or for an incident that no longer matches).
 * <p>
 * A firing is identified by its period: {@code "<anchor epoch second>.<k>"} for the k-th firing
 * after a detection or stage anchor (k &gt; 0 only for repeating rules), {@code "<CLOCK>.<due epoch
 * second>"} for a rule on a target, so a new stage or a new target gives new periods.
 */
public final class ClockRuleSchedule {

    /** Statuses a rule without stages applies to: the incident is still being worked on. */
    static final Set<IncidentStatus> WORKING = EnumSet.of(IncidentStatus.DETECTED, IncidentStatus.ACKNOWLEDGED,
            IncidentStatus.INVESTIGATING, IncidentStatus.MITIGATED);
    /** A bound on catching up missed repeats in business time (a year of 1-minute repeats). */
    private static final int MAX_CATCH_UP = 600_000;

    private ClockRuleSchedule() {
    }

    /** One pending firing; {@code clock} is set for rules on a target. */
    public record Firing(String period, Instant dueAt, ClockKind clock) {
    }

    /**
     * The firings of {@code rule} still to come for {@code incident} (at most one per anchor or
     * target), leaving out the periods in {@code fired}. A repeating rule that missed repeats (the
     * system was down) catches up with the latest missed one only. {@code businessTarget} says
     * whether a clock's target counts working time.
     */
    public static List<Firing> pending(ClockRuleView rule, IncidentView incident, Set<String> fired, Instant now,
            WorkingCalendar calendar, Predicate<ClockKind> businessTarget) {
        if (!matches(rule, incident)) {
            return List.of();
        }
        if (rule.anchor() == ClockRuleAnchor.TARGET) {
            List<Firing> out = new ArrayList<>();
            for (ClockView c : incident.clocks()) {
                if (!c.running()) {
                    continue;
                }
                String period = c.kind() + "." + c.dueAt().getEpochSecond();
                if (!fired.contains(period)) {
                    out.add(new Firing(period, atRiskAt(c, rule.after(), businessTarget.test(c.kind()), calendar),
                            c.kind()));
                }
            }
            return out;
        }
        Instant anchor = anchor(rule.anchor(), incident);
        String prefix = anchor.getEpochSecond() + ".";
        if (rule.repeatMinutes() == null) {
            return fired.contains(prefix + 0) ? List.of()
                    : List.of(new Firing(prefix + 0, due(rule, anchor, 0, calendar), null));
        }
        long k = fired.stream().filter(p -> p.startsWith(prefix))
                .mapToLong(p -> Long.parseLong(p.substring(prefix.length()))).max().orElse(-1) + 1;
        if (!rule.businessTime()) {
            Instant first = due(rule, anchor, 0, calendar);
            if (!now.isBefore(first)) {
                k = Math.max(k, Duration.between(first, now).toMinutes() / rule.repeatMinutes());
            }
        } else {
            for (int i = 0; i < MAX_CATCH_UP && !now.isBefore(due(rule, anchor, k + 1, calendar)); i++) {
                k++;
            }
        }
        return List.of(new Firing(prefix + k, due(rule, anchor, k, calendar), null));
    }

    /** Whether the incident's current state meets the rule's condition (time aside). */
    public static boolean matches(ClockRuleView rule, IncidentView incident) {
        IncidentStatus status = incident.status();
        if (status == IncidentStatus.CLOSED) {
            return false;
        }
        if (rule.stages().isEmpty() ? !WORKING.contains(status) : !rule.stages().contains(status)) {
            return false;
        }
        if (!rule.levels().isEmpty() && !rule.levels().contains(incident.levelCode())) {
            return false;
        }
        if (rule.unacknowledged() && status != IncidentStatus.DETECTED) {
            return false;
        }
        return rule.missingField() == null || missing(rule, incident);
    }

    private static boolean missing(ClockRuleView rule, IncidentView i) {
        return switch (rule.missingField()) {
            case ROOT_CAUSE -> blank(i.rootCause());
            case DIRECT_CAUSE -> blank(i.directCause());
            case IMPACT -> blank(i.impactSummary());
            case LEVEL -> !i.levelConfirmed();
            case COMMANDER -> noHolder(i, IncidentRole.COMMANDER);
            case TECH_LEAD -> noHolder(i, IncidentRole.TECH_LEAD);
            case COMMS_LEAD -> noHolder(i, IncidentRole.COMMS_LEAD);
        };
    }

    private static boolean noHolder(IncidentView i, IncidentRole role) {
        return i.roles().stream().noneMatch(r -> r.role() == role);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Detection, or the latest stage stamp. */
    static Instant anchor(ClockRuleAnchor anchor, IncidentView i) {
        if (anchor == ClockRuleAnchor.LAST_STAGE) {
            return i.stages().stream().map(StageStamp::at).max(Instant::compareTo).orElse(i.createdAt());
        }
        return i.stages().stream().filter(s -> s.stage() == Stage.DETECTED).map(StageStamp::at).findFirst()
                .orElse(i.createdAt());
    }

    private static Instant due(ClockRuleView rule, Instant anchor, long k, WorkingCalendar calendar) {
        Duration after = Duration.ofMinutes(rule.after() + k * (rule.repeatMinutes() == null ? 0 : rule.repeatMinutes()));
        return rule.businessTime() ? calendar.addWorkingTime(anchor, after) : anchor.plus(after);
    }

    /**
     * When {@code percent} of a clock's target is used up: of its elapsed time, or of its working
     * time for a business-time target. Rounded up to the microsecond so it is never early.
     */
    public static Instant atRiskAt(ClockView c, int percent, boolean business, WorkingCalendar calendar) {
        if (percent >= 100) {
            return c.dueAt();
        }
        Duration span = business ? workingTimeBetween(calendar, c.startedAt(), c.dueAt())
                : Duration.between(c.startedAt(), c.dueAt());
        long micros = Math.ceilDiv(span.toNanos() / 1000 * percent, 100);
        Duration part = Duration.of(micros, ChronoUnit.MICROS);
        return business ? calendar.addWorkingTime(c.startedAt(), part) : c.startedAt().plus(part);
    }

    /** Whether each clock of a level counts working time (false for an unknown level or no target). */
    public static Predicate<ClockKind> businessTargets(Optional<SeverityLevelView> level) {
        return kind -> level.map(l -> kind == ClockKind.RESPONSE ? l.responseTarget() : l.resolutionTarget())
                .map(t -> t.unit().business()).orElse(false);
    }

    /** The working time of the calendar between two instants (the inverse of {@code addWorkingTime}). */
    static Duration workingTimeBetween(WorkingCalendar calendar, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(calendar.timeZone()).toLocalDate();
        for (LocalDate d = from.atZone(calendar.timeZone()).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!calendar.isWorkingDate(d)) {
                continue;
            }
            Instant start = ZonedDateTime.of(d, calendar.dayStart(), calendar.timeZone()).toInstant();
            Instant end = ZonedDateTime.of(d, calendar.dayEnd(), calendar.timeZone()).toInstant();
            Instant a = start.isBefore(from) ? from : start;
            Instant b = end.isAfter(to) ? to : end;
            if (a.isBefore(b)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }
}
