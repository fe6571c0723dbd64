package io.firebreak.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.firebreak.identity.internal.TeamRepository;
import io.firebreak.shared.ConflictException;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.NotFoundException;

/**
 * The identity module's facade for teams: look-ups for other modules, and audited changes.
 * Deleting a team publishes {@link TeamDeleted} so modules that refer to it can let go of it.
 */
@Service
public class TeamManagement {

    private final TeamRepository teams;
    private final UserManagement users;
    private final AuditManagement audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TeamManagement(TeamRepository teams, UserManagement users, AuditManagement audit,
            ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Every team, by name. */
    @Transactional(readOnly = true)
    public List<TeamView> list() {
        return teams.findAll();
    }

    @Transactional(readOnly = true)
    public Optional<TeamView> find(long id) {
        return teams.findById(id);
    }

    /** Returns the team or throws {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public TeamView get(long id) {
        return teams.findById(id).orElseThrow(() -> new NotFoundException("No team with id " + id));
    }

    /** The teams the user belongs to, by name. */
    @Transactional(readOnly = true)
    public List<TeamView> teamsOf(long userId) {
        return teams.findByMember(userId);
    }

    /** Creates a team; a name already taken (ignoring case) is a {@link ConflictException}. */
    @Transactional
    public TeamView create(TeamDefinition definition, String actor) {
        TeamDefinition d = validate(definition);
        requireFreeName(d.name(), null);
        long id;
        try {
            id = teams.insert(d.name(), d.description(), clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate(d.name());
        }
        TeamView created = get(id);
        audit.record(actor, "team", String.valueOf(id), "created", null, created);
        return created;
    }

    /** Renames or re-describes a team. */
    @Transactional
    public TeamView update(long id, TeamDefinition definition, String actor) {
        TeamView before = get(id);
        TeamDefinition d = validate(definition);
        requireFreeName(d.name(), id);
        try {
            teams.update(id, d.name(), d.description());
        } catch (DuplicateKeyException e) {
            throw duplicate(d.name());
        }
        TeamView after = get(id);
        if (!after.equals(before)) {
            audit.record(actor, "team", String.valueOf(id), "updated", before, after);
        }
        return after;
    }

    /** Deletes a team and its memberships. */
    @Transactional
    public void delete(long id, String actor) {
        TeamView before = get(id);
        teams.delete(id);
        audit.record(actor, "team", String.valueOf(id), "deleted", before, null);
        events.publishEvent(new TeamDeleted(id, before.name()));
    }

    /** Makes the user a member; adding a present member changes nothing. */
    @Transactional
    public TeamView addMember(long teamId, long userId, String actor) {
        TeamView before = get(teamId);
        users.get(userId);
        if (teams.addMember(teamId, userId)) {
            TeamView after = get(teamId);
            audit.record(actor, "team", String.valueOf(teamId), "member-added", before, after);
            return after;
        }
        return before;
    }

    /** Removes the user from the team; removing a non-member changes nothing. */
    @Transactional
    public TeamView removeMember(long teamId, long userId, String actor) {
        TeamView before = get(teamId);
        users.get(userId);
        if (teams.removeMember(teamId, userId)) {
            TeamView after = get(teamId);
            audit.record(actor, "team", String.valueOf(teamId), "member-removed", before, after);
            return after;
        }
        return before;
    }

    private void requireFreeName(String name, Long self) {
        teams.findByName(name).filter(t -> self == null || t.id() != self).ifPresent(t -> {
            throw duplicate(name);
        });
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("A team named " + name + " already exists.");
    }

    private static TeamDefinition validate(TeamDefinition d) {
        if (d == null || d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
            throw new InvalidInputException("name", "must be 1-100 characters");
        }
        String description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
        if (description != null && description.length() > 2000) {
            throw new InvalidInputException("description", "must be at most 2000 characters");
        }
        return new TeamDefinition(d.name().strip(), description);
    }
}
