package io.firebreak.oncall.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Works out who is on call on one schedule, without a database: the newest override covering the
 * instant wins, then the layer with the highest position that has someone on shift. All answers
 * are pure functions of the schedule's zone, layers and overrides.
 */
public final class OnCallCalculator {

    private final ZoneId zone;
    private final List<RotationLayer> layers;
    private final List<OverrideSpan> overrides;

    public OnCallCalculator(ZoneId zone, List<RotationLayer> layers, List<OverrideSpan> overrides) {
        this.zone = zone;
        this.layers = layers.stream().sorted(Comparator.comparingInt(RotationLayer::position).reversed()
                .thenComparing(Comparator.comparingLong(RotationLayer::id).reversed())).toList();
        this.overrides = overrides.stream().sorted(Comparator.comparingLong(OverrideSpan::id).reversed()).toList();
    }

    /** Who is on at an instant, and whether an override put them there. */
    public record Who(long userId, boolean override) {
    }

    /**
     * A stretch of time with one answer; {@code userId} is null where nobody is on call. Adjacent
     * stretches always differ.
     */
    public record Segment(Instant start, Instant end, Long userId, boolean override) {

        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    public Optional<Who> at(Instant t) {
        for (OverrideSpan o : overrides) {
            if (o.covers(t)) {
                return Optional.of(new Who(o.userId(), true));
            }
        }
        for (RotationLayer layer : layers) {
            var slot = layer.slotAt(t, zone);
            if (slot.isPresent()) {
                return Optional.of(new Who(slot.get().userId(), false));
            }
        }
        return Optional.empty();
    }

    /** The answers over [from, to), as consecutive segments that cover the whole interval. */
    public List<Segment> segments(Instant from, Instant to) {
        TreeSet<Instant> points = new TreeSet<>();
        points.add(from);
        points.add(to);
        for (RotationLayer layer : layers) {
            points.addAll(layer.changesBetween(from, to, zone));
        }
        for (OverrideSpan o : overrides) {
            for (Instant p : List.of(o.start(), o.end())) {
                if (p.isAfter(from) && p.isBefore(to)) {
                    points.add(p);
                }
            }
        }
        List<Segment> out = new ArrayList<>();
        Instant start = null;
        for (Instant p : points) {
            if (start != null) {
                Optional<Who> who = at(start);
                Long user = who.map(Who::userId).orElse(null);
                boolean override = who.map(Who::override).orElse(false);
                Segment last = out.isEmpty() ? null : out.getLast();
                if (last != null && java.util.Objects.equals(last.userId(), user) && last.override() == override) {
                    out.set(out.size() - 1, new Segment(last.start(), p, user, override));
                } else {
                    out.add(new Segment(start, p, user, override));
                }
            }
            start = p;
        }
        return out;
    }

    /** The segment containing {@code t}, looking at most {@code reach} either side. */
    public Segment stretchAt(Instant t, java.time.Duration reach) {
        return segments(t.minus(reach), t.plus(reach)).stream().filter(s -> s.contains(t)).findFirst().orElseThrow();
    }

    /**
     * The first stretch after the one at {@code t} with someone on call other than the person on
     * at {@code t}, looking at most {@code reach} ahead.
     */
    public Optional<Segment> nextAfter(Instant t, java.time.Duration reach) {
        Segment current = stretchAt(t, reach);
        return segments(current.end(), t.plus(reach)).stream()
                .filter(s -> s.userId() != null && !s.userId().equals(current.userId())).findFirst();
    }
}
