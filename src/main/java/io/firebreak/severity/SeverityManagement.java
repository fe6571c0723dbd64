package io.firebreak.severity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.firebreak.shared.InvalidInputException;

/**
 * The severity module's facade: the active scheme and its levels, and when a target falls due.
 * <p>
 * TEMPORARY: holds the P0–P3 preset in memory until the severity module's persistence lands.
 */
@Service
public class SeverityManagement {

    private static final SeveritySchemeView DEFAULT = new SeveritySchemeView("P0-P3", "P0–P3", "", true, List.of(
            new SeverityLevelView("P0", 0, "Emergency", "Core service completely unavailable", List.of(),
                    new Target(5, TargetUnit.MINUTES), new Target(1, TargetUnit.HOURS), "Everyone + management", true),
            new SeverityLevelView("P1", 1, "High", "Core function affected", List.of(),
                    new Target(15, TargetUnit.MINUTES), new Target(4, TargetUnit.HOURS), "Tech + product", true),
            new SeverityLevelView("P2", 2, "Medium", "Non-core function affected", List.of(),
                    new Target(1, TargetUnit.HOURS), new Target(1, TargetUnit.DAYS), "Tech team", false),
            new SeverityLevelView("P3", 3, "Low", "No user impact", List.of(),
                    new Target(1, TargetUnit.DAYS), new Target(1, TargetUnit.WEEKS), "Developers", false)));

    public SeveritySchemeView activeScheme() {
        return DEFAULT;
    }

    public List<SeveritySchemeView> schemes() {
        return List.of(DEFAULT);
    }

    /** The level of the active scheme with this code. */
    public Optional<SeverityLevelView> findLevel(String code) {
        return activeScheme().levels().stream().filter(l -> l.code().equalsIgnoreCase(String.valueOf(code))).findFirst();
    }

    /** The level with this code in the given scheme (which need not be active). */
    public Optional<SeverityLevelView> findLevel(String schemeCode, String levelCode) {
        return schemes().stream().filter(s -> s.code().equals(schemeCode)).findFirst()
                .flatMap(s -> s.levels().stream().filter(l -> l.code().equalsIgnoreCase(levelCode)).findFirst());
    }

    /** The level of the active scheme with this code, or {@link InvalidInputException} on {@code field}. */
    public SeverityLevelView level(String code, String field) {
        return findLevel(code).orElseThrow(() -> new InvalidInputException(field,
                "is not a level of the active scheme " + activeScheme().code()));
    }

    /** When a target started at {@code start} falls due, counting business time in the working calendar. */
    public Instant dueAt(Instant start, Target target) {
        return switch (target.unit()) {
            case MINUTES -> start.plus(target.amount(), ChronoUnit.MINUTES);
            case HOURS, WORKING_HOURS -> start.plus(Duration.ofHours(target.amount()));
            case DAYS, WORKING_DAYS -> start.plus(Duration.ofDays(target.amount()));
            case WEEKS -> start.plus(Duration.ofDays(7L * target.amount()));
        };
    }
}
