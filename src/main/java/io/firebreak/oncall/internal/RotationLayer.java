package io.firebreak.oncall.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.firebreak.oncall.ShiftKind;

/**
 * One layer's rotation, computed without a database: participants take turns in order, each for
 * one shift, starting with the first participant at the hand-off time of {@code startDate} in the
 * schedule's zone; the layer is empty before that and from the hand-off time of {@code endDate}
 * (exclusive, optional) on.
 */
public record RotationLayer(long id, int position, ShiftKind kind, int length, LocalTime handoff, LocalDate startDate,
        LocalDate endDate, List<Long> participants) {

    public RotationLayer {
        participants = List.copyOf(participants);
    }

    /** One participant's shift on this layer. */
    public record Slot(Instant start, Instant end, long userId) {
    }

    /** The instant of the hand-off on a local date; a hand-off time skipped by DST moves forward. */
    Instant boundary(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, handoff, zone).toInstant();
    }

    Instant activeFrom(ZoneId zone) {
        return boundary(startDate, zone);
    }

    Optional<Instant> activeUntil(ZoneId zone) {
        return Optional.ofNullable(endDate).map(d -> boundary(d, zone));
    }

    private int units() {
        return kind.units(length);
    }

    /** The shift on this layer that contains {@code t}, if anyone is on it then. */
    public Optional<Slot> slotAt(Instant t, ZoneId zone) {
        Instant from = activeFrom(zone);
        Optional<Instant> until = activeUntil(zone);
        if (participants.isEmpty() || t.isBefore(from) || until.filter(u -> !t.isBefore(u)).isPresent()) {
            return Optional.empty();
        }
        long index;
        Instant start;
        Instant end;
        if (kind == ShiftKind.CUSTOM_HOURS) {
            Duration shift = Duration.ofHours(units());
            index = Duration.between(from, t).toSeconds() / shift.toSeconds();
            start = from.plus(shift.multipliedBy(index));
            end = start.plus(shift);
        } else {
            LocalDate day = t.atZone(zone).toLocalDate();
            if (t.isBefore(boundary(day, zone))) {
                day = day.minusDays(1);
            }
            long days = ChronoUnit.DAYS.between(startDate, day);
            index = Math.floorDiv(days, units());
            LocalDate first = startDate.plusDays(index * units());
            start = boundary(first, zone);
            end = boundary(first.plusDays(units()), zone);
        }
        if (until.isPresent() && end.isAfter(until.get())) {
            end = until.get();
        }
        return Optional.of(new Slot(start, end, participants.get((int) Math.floorMod(index, participants.size()))));
    }

    /** Every instant in the open interval (from, to) at which this layer may change hands. */
    List<Instant> changesBetween(Instant from, Instant to, ZoneId zone) {
        List<Instant> out = new ArrayList<>();
        Instant active = activeFrom(zone);
        Instant t = from.isBefore(active) ? active : from;
        // Walking slot ends visits every hand-off, the layer's start and its end.
        if (from.isBefore(active) && active.isBefore(to)) {
            out.add(active);
        }
        while (t.isBefore(to)) {
            Optional<Slot> slot = slotAt(t, zone);
            if (slot.isEmpty()) {
                break;
            }
            Instant end = slot.get().end();
            if (end.isBefore(to)) {
                out.add(end);
            }
            t = end;
        }
        return out;
    }
}
