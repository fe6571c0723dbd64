package io.firebreak.incident.ui;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.firebreak.incident.ClockView;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.RoleAssignment;
import io.firebreak.incident.Stage;
import io.firebreak.incident.StageStamp;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.incident.VerificationItem;

/**
 * What the incident page shows, worked out once from an {@link IncidentView}: the eight-stage
 * strip, every role with its holder (or none), the whole verification checklist, the clocks in a
 * fixed order, and which stage actions make sense in the current status. The facade still has the
 * last word on every action; this only decides which buttons to offer.
 */
public record IncidentPageModel(IncidentView incident, List<StageCell> stages, List<RoleCell> roles,
        List<VerificationItem> verification, List<ClockView> clocks, Set<StageAction> actions) {

    /** One stage of the strip; {@code at} and {@code by} are null when it was not reached. */
    public record StageCell(Stage stage, boolean done, boolean current, Instant at, String by) {
    }

    /** One incident role and who holds it (null when nobody does). */
    public record RoleCell(IncidentRole role, RoleAssignment holder) {
    }

    /** The stage buttons; names match the POST path under /incidents/{ref}/. */
    public enum StageAction {
        ACKNOWLEDGE, INVESTIGATE, MITIGATE, RESOLVE, VERIFY, CLOSE, REOPEN;

        public String path() {
            return name().toLowerCase();
        }
    }

    static IncidentPageModel of(IncidentView incident) {
        return new IncidentPageModel(incident, stages(incident), roles(incident), verification(incident),
                incident.clocks().stream().sorted(Comparator.comparing(ClockView::kind)).toList(),
                actions(incident.status(), allPassed(incident)));
    }

    public boolean can(String action) {
        return actions.contains(StageAction.valueOf(action));
    }

    public boolean allVerified() {
        return verification.stream().allMatch(VerificationItem::passed);
    }

    public String ref() {
        return incident.number();
    }

    static List<StageCell> stages(IncidentView incident) {
        Stage current = Stage.valueOf(incident.status().name());
        return Arrays.stream(Stage.values()).map(stage -> {
            // After a reopen a stage may have been reached twice; the latest stamp counts.
            StageStamp stamp = incident.stages().stream().filter(s -> s.stage() == stage)
                    .reduce((first, second) -> second).orElse(null);
            boolean isCurrent = stage == current;
            return new StageCell(stage, stamp != null && !isCurrent, isCurrent,
                    stamp == null ? null : stamp.at(), stamp == null ? null : stamp.by());
        }).toList();
    }

    static List<RoleCell> roles(IncidentView incident) {
        return Arrays.stream(IncidentRole.values()).map(role -> new RoleCell(role, incident.roles().stream()
                .filter(r -> r.role() == role).findFirst().orElse(null))).toList();
    }

    static List<VerificationItem> verification(IncidentView incident) {
        List<VerificationItem> recorded = incident.verification() == null ? List.of() : incident.verification();
        return Arrays.stream(VerificationCheck.values()).map(check -> recorded.stream()
                .filter(v -> v.check() == check).findFirst()
                .orElse(new VerificationItem(check, false, null, null, null))).toList();
    }

    private static boolean allPassed(IncidentView incident) {
        return verification(incident).stream().allMatch(VerificationItem::passed);
    }

    /** Forward moves may skip stages; verifying needs the whole checklist; reopening starts from RESOLVED. */
    static Set<StageAction> actions(IncidentStatus status, boolean checklistPassed) {
        Set<StageAction> actions = EnumSet.noneOf(StageAction.class);
        int at = status.ordinal();
        if (status == IncidentStatus.DETECTED) {
            actions.add(StageAction.ACKNOWLEDGE);
        }
        if (at < IncidentStatus.INVESTIGATING.ordinal()) {
            actions.add(StageAction.INVESTIGATE);
        }
        if (at < IncidentStatus.MITIGATED.ordinal()) {
            actions.add(StageAction.MITIGATE);
        }
        if (at < IncidentStatus.RESOLVED.ordinal()) {
            actions.add(StageAction.RESOLVE);
        }
        if (status == IncidentStatus.RESOLVED && checklistPassed) {
            actions.add(StageAction.VERIFY);
        }
        if (status != IncidentStatus.CLOSED) {
            actions.add(StageAction.CLOSE);
        }
        if (at >= IncidentStatus.RESOLVED.ordinal()) {
            actions.add(StageAction.REOPEN);
        }
        return actions;
    }
}
