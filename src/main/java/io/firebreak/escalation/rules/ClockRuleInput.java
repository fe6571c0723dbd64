package io.firebreak.escalation.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.firebreak.escalation.ClockRuleAction;
import io.firebreak.escalation.ClockRuleAnchor;
import io.firebreak.escalation.ClockRuleDefinition;
import io.firebreak.escalation.ClockRuleField;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.InvalidInputException;

/** Validates a {@link ClockRuleDefinition} into a {@link Row}; every error names its field. */
@Component
public class ClockRuleInput {

    static final int NAME_MAX = 200;
    /** One year: a rule further out than that is a mistake. */
    static final int MINUTES_MAX = 525_600;

    private final SeverityManagement severity;
    private final UserManagement users;
    private final TeamManagement teams;

    ClockRuleInput(SeverityManagement severity, UserManagement users, TeamManagement teams) {
        this.severity = severity;
        this.users = users;
        this.teams = teams;
    }

    /** A validated rule, ready to store. */
    public record Row(String nameEn, String nameZh, boolean enabled, List<String> levels, List<IncidentStatus> stages,
            ClockRuleAnchor anchor, int after, boolean businessTime, ClockRuleField missingField,
            boolean unacknowledged, Integer repeatMinutes, List<ClockRuleAction> actions, String raiseTo,
            List<Long> audienceUsers, List<Long> audienceTeams, boolean audienceManagement) {
    }

    public Row validate(ClockRuleDefinition d) {
        if (d == null) {
            throw new InvalidInputException("body", "is required");
        }
        String nameEn = text("nameEn", d.nameEn(), true);
        String nameZh = text("nameZh", d.nameZh(), false);
        Set<String> knownLevels = knownLevelCodes();
        List<String> levels = new ArrayList<>();
        for (String code : d.levels() == null ? List.<String>of() : d.levels()) {
            String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!knownLevels.contains(c)) {
                throw new InvalidInputException("levels", "no severity level " + code);
            }
            if (!levels.contains(c)) {
                levels.add(c);
            }
        }
        List<IncidentStatus> stages = new ArrayList<>(enums("stages", d.stages(), IncidentStatus.class));
        if (stages.contains(IncidentStatus.CLOSED)) {
            throw new InvalidInputException("stages", "a closed incident has no clocks");
        }
        ClockRuleAnchor anchor = one("anchor", d.anchor(), ClockRuleAnchor.class);
        if (anchor == null) {
            throw new InvalidInputException("anchor", "is required (DETECTION, LAST_STAGE or TARGET)");
        }
        if (d.after() == null) {
            throw new InvalidInputException("after", "is required");
        }
        int after = d.after();
        if (anchor == ClockRuleAnchor.TARGET ? after < 1 || after > 100 : after < 0 || after > MINUTES_MAX) {
            throw new InvalidInputException("after", anchor == ClockRuleAnchor.TARGET
                    ? "must be a percentage from 1 to 100" : "must be from 0 to " + MINUTES_MAX + " minutes");
        }
        Integer repeat = d.repeatMinutes();
        if (repeat != null && (repeat < 1 || repeat > MINUTES_MAX)) {
            throw new InvalidInputException("repeatMinutes", "must be from 1 to " + MINUTES_MAX + " minutes");
        }
        if (repeat != null && anchor == ClockRuleAnchor.TARGET) {
            throw new InvalidInputException("repeatMinutes", "a rule on a target fires once per target");
        }
        List<ClockRuleAction> actions = enums("actions", d.actions(), ClockRuleAction.class);
        if (actions.isEmpty()) {
            throw new InvalidInputException("actions", "at least one action is required");
        }
        if (actions.contains(ClockRuleAction.MARK_AT_RISK) && anchor != ClockRuleAnchor.TARGET) {
            throw new InvalidInputException("actions", "MARK_AT_RISK needs the TARGET anchor");
        }
        String raiseTo = null;
        if (actions.contains(ClockRuleAction.RAISE_LEVEL)) {
            raiseTo = d.raiseTo() == null ? "" : d.raiseTo().strip().toUpperCase(Locale.ROOT);
            if (!knownLevels.contains(raiseTo)) {
                throw new InvalidInputException("raiseTo", "RAISE_LEVEL needs a known level code");
            }
        }
        List<Long> audienceUsers = ids(d.audienceUsers());
        for (long id : audienceUsers) {
            if (users.findById(id).isEmpty()) {
                throw new InvalidInputException("audienceUsers", "no user with id " + id);
            }
        }
        List<Long> audienceTeams = ids(d.audienceTeams());
        for (long id : audienceTeams) {
            if (teams.find(id).isEmpty()) {
                throw new InvalidInputException("audienceTeams", "no team with id " + id);
            }
        }
        boolean management = Boolean.TRUE.equals(d.audienceManagement());
        if (actions.contains(ClockRuleAction.PAGE_AUDIENCE) && audienceUsers.isEmpty() && audienceTeams.isEmpty()
                && !management) {
            throw new InvalidInputException("audience", "PAGE_AUDIENCE needs people, teams or management");
        }
        return new Row(nameEn, nameZh == null ? nameEn : nameZh, d.enabled() == null || d.enabled(),
                List.copyOf(levels), List.copyOf(stages), anchor, after,
                anchor != ClockRuleAnchor.TARGET && Boolean.TRUE.equals(d.businessTime()),
                one("missingField", d.missingField(), ClockRuleField.class), Boolean.TRUE.equals(d.unacknowledged()),
                repeat, actions, raiseTo, audienceUsers, audienceTeams, management);
    }

    private Set<String> knownLevelCodes() {
        Set<String> codes = new LinkedHashSet<>();
        severity.schemes(Locale.ENGLISH).forEach(s -> s.levels().forEach(l -> codes.add(l.code())));
        return codes;
    }

    private static String text(String field, String value, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(field, "is required");
            }
            return null;
        }
        if (v.length() > NAME_MAX) {
            throw new InvalidInputException(field, "must be at most " + NAME_MAX + " characters");
        }
        return v;
    }

    private static <E extends Enum<E>> E one(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "unknown value " + value);
        }
    }

    private static <E extends Enum<E>> List<E> enums(String field, List<String> values, Class<E> type) {
        List<E> out = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            E e = one(field, v, type);
            if (e == null) {
                throw new InvalidInputException(field, "contains a blank value");
            }
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    private static List<Long> ids(List<Long> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).distinct().toList();
    }
}
