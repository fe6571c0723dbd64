package io.firebreak.escalation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.firebreak.escalation.TargetKind;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.oncall.OnCallShift;
import io.firebreak.oncall.OncallManagement;
import io.firebreak.oncall.ScheduleSummary;

/**
 * Turns a step's targets into the people to page at an instant: a user (if enabled), whoever is on
 * call on a schedule, who is next on call on a schedule, and for a team everyone on call on the
 * team's schedules, or every enabled member when the team owns no schedule. Each person once per step.
 */
@Component
public class TargetResolver {

    private final UserManagement users;
    private final TeamManagement teams;
    private final OncallManagement oncall;

    TargetResolver(UserManagement users, TeamManagement teams, OncallManagement oncall) {
        this.users = users;
        this.teams = teams;
        this.oncall = oncall;
    }

    public List<ResolvedTarget> resolve(List<StoredPolicy.Target> targets, Instant at) {
        Map<Long, ResolvedTarget> people = new LinkedHashMap<>();
        for (StoredPolicy.Target t : targets) {
            for (ResolvedTarget r : resolve(t, at)) {
                people.putIfAbsent(r.userId(), r);
            }
        }
        return List.copyOf(people.values());
    }

    private List<ResolvedTarget> resolve(StoredPolicy.Target t, Instant at) {
        return switch (t.kind()) {
            case USER -> users.findById(t.refId()).filter(UserView::enabled)
                    .map(u -> List.of(new ResolvedTarget(u.id(), u.username(), TargetKind.USER, u.username())))
                    .orElse(List.of());
            case SCHEDULE -> shift(oncall.onCall(t.refId(), at), TargetKind.SCHEDULE);
            case NEXT_ON_CALL -> shift(oncall.nextOnCall(t.refId(), at), TargetKind.NEXT_ON_CALL);
            case TEAM -> team(t.refId(), at);
        };
    }

    private List<ResolvedTarget> team(long teamId, Instant at) {
        Optional<TeamView> team = teams.find(teamId);
        if (team.isEmpty()) {
            return List.of();
        }
        String name = team.get().name();
        boolean hasSchedule = oncall.schedules().stream().map(ScheduleSummary::teamId)
                .anyMatch(id -> id != null && id == teamId);
        List<ResolvedTarget> out = new ArrayList<>();
        if (hasSchedule) {
            for (OnCallShift s : oncall.forTeam(teamId, at)) {
                out.add(new ResolvedTarget(s.userId(), s.username(), TargetKind.TEAM, name));
            }
        } else {
            for (Long member : team.get().memberIds()) {
                users.findById(member).filter(UserView::enabled)
                        .ifPresent(u -> out.add(new ResolvedTarget(u.id(), u.username(), TargetKind.TEAM, name)));
            }
        }
        return out;
    }

    private static List<ResolvedTarget> shift(Optional<OnCallShift> shift, TargetKind kind) {
        return shift.map(s -> List.of(new ResolvedTarget(s.userId(), s.username(), kind, s.scheduleName())))
                .orElse(List.of());
    }

    /** The name of a target for labels: the user's, schedule's or team's name, or "#id" when it is gone. */
    public String label(TargetKind kind, long id) {
        Optional<String> name = switch (kind) {
            case USER -> users.findById(id).map(UserView::username);
            case SCHEDULE, NEXT_ON_CALL -> oncall.schedule(id).map(ScheduleSummary::name);
            case TEAM -> teams.find(id).map(TeamView::name);
        };
        return name.orElse("#" + id);
    }

    /** Whether the target's user, schedule or team exists. */
    public boolean exists(TargetKind kind, long id) {
        return switch (kind) {
            case USER -> users.findById(id).isPresent();
            case SCHEDULE, NEXT_ON_CALL -> oncall.schedule(id).isPresent();
            case TEAM -> teams.find(id).isPresent();
        };
    }
}
