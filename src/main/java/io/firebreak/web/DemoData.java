package io.firebreak.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.firebreak.catalog.CatalogManagement;
import io.firebreak.catalog.ServiceDefinition;
import io.firebreak.catalog.ServiceView;
import io.firebreak.identity.NewUser;
import io.firebreak.identity.Role;
import io.firebreak.identity.TeamDefinition;
import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.TeamView;
import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;
import io.firebreak.incident.ActionOutcome;
import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentFilter;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.MitigationKind;
import io.firebreak.incident.NoteKind;
import io.firebreak.incident.RootCauseCategory;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.severity.BusinessImpact;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.shared.PageRequest;

/**
 * With {@code firebreak.demo=true}, fills a database that has no incident yet with example
 * people, teams, services and six incidents in different stages, so the UI can be tried at once.
 * Everything goes through the modules' facades, exactly as a person would create it; the demo
 * users' password is {@value #PASSWORD} and is printed in the log. A database that already holds
 * incidents is left alone.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("firebreak.demo")
class DemoData implements ApplicationRunner {

    /** The documented password of every demo user. */
    static final String PASSWORD = "demo-password";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ACTOR = "demo";

    private final UserManagement users;
    private final TeamManagement teams;
    private final CatalogManagement catalog;
    private final IncidentManagement incidents;
    private final Clock clock;
    private final List<String> created = new ArrayList<>();

    DemoData(UserManagement users, TeamManagement teams, CatalogManagement catalog, IncidentManagement incidents,
            Clock clock) {
        this.users = users;
        this.teams = teams;
        this.catalog = catalog;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (incidents.search(IncidentFilter.all(), new PageRequest(0, 1)).total() > 0) {
            log.info("Demo mode: the database already holds incidents, so no demo data was added.");
            return;
        }
        fill();
    }

    /** Creates the demo data, reusing demo users, teams and services that already exist; returns what was created. */
    List<String> fill() {
        created.clear();
        UserView commander = user("demo-commander", "Li Wei (demo commander)", Role.COMMANDER);
        UserView responder = user("demo-responder", "Zhang Min (demo responder)", Role.RESPONDER);
        UserView oncall = user("demo-oncall", "Wang Fang (demo on-call)", Role.RESPONDER);
        UserView viewer = user("demo-viewer", "Chen Jie (demo viewer)", Role.VIEWER);
        user("demo-admin", "Demo administrator", Role.ADMIN);

        TeamView sre = team("SRE", "Site reliability: on call for every production service",
                commander, responder, oncall);
        TeamView payments = team("Payments", "Checkout and payment flows", responder, viewer);

        ServiceView gateway = service("api-gateway", "Entry point of every API call", sre, true, 1, List.of());
        ServiceView checkout = service("checkout", "Cart and order placement", payments, true, 1, List.of(gateway));
        ServiceView payment = service("payment-callbacks", "Payment provider callbacks", payments, true, 1,
                List.of(gateway));
        ServiceView search = service("search", "Product search", sre, false, 2, List.of(gateway));
        ServiceView notify = service("notifications", "E-mail and SMS notifications", sre, false, 3, List.of());
        ServiceView database = service("orders-db", "Orders database (PostgreSQL)", sre, true, 1, List.of());

        String boss = commander.username();
        Instant now = clock.instant();

        // 1. Just declared: nobody has acknowledged it yet, both clocks run.
        step("declared incident", () -> declare("Checkout returns 502 for some users",
                "Since a few minutes ago about a fifth of checkout requests fail with 502 at the gateway.",
                List.of(checkout, gateway), triage(false, true, null, 1200L, 20, BusinessImpact.CORE),
                "About 20% of orders cannot be placed.", now.minus(Duration.ofMinutes(4)), oncall.username()));

        // 2. Acknowledged, with a commander.
        step("acknowledged incident", () -> {
            IncidentView i = declare("Search results are slow (p95 above 3 s)", "Search latency alert fired.",
                    List.of(search), triage(false, false, true, null, 30, BusinessImpact.SECONDARY),
                    "Searches are slow; nothing fails.", now.minus(Duration.ofMinutes(35)), oncall.username());
            incidents.acknowledge(i.number(), oncall.username());
            incidents.assignRole(i.number(), boss, IncidentRole.COMMANDER, responder.id());
            return incidents.assignRole(i.number(), boss, IncidentRole.ON_CALL, oncall.id());
        });

        // 3. Being mitigated: roles, a rollback that worked, notes and a status update.
        step("mitigated incident", () -> {
            IncidentView i = declare("Payment callbacks failing after deploy",
                    "After release 2.14 the payment provider's callbacks are rejected with 401.",
                    List.of(payment, checkout), triage(true, true, true, null, 100, BusinessImpact.CORE),
                    "No payment is confirmed; orders stay pending.", now.minus(Duration.ofMinutes(50)), boss);
            String ref = i.number();
            incidents.acknowledge(ref, boss);
            incidents.assignRole(ref, boss, IncidentRole.COMMANDER, commander.id());
            incidents.assignRole(ref, boss, IncidentRole.TECH_LEAD, responder.id());
            incidents.assignRole(ref, boss, IncidentRole.COMMS_LEAD, oncall.id());
            incidents.investigate(ref, responder.username());
            incidents.addNote(ref, responder.username(), NoteKind.NOTE,
                    "Signature check fails: the new release reads the secret from a renamed variable.");
            incidents.recordAction(ref, responder.username(), MitigationKind.ROLLBACK,
                    "kubectl rollout undo deployment/payment-callbacks", ActionOutcome.SUCCEEDED,
                    "Callbacks accepted again since the rollback.");
            incidents.recordAction(ref, responder.username(), MitigationKind.DATA_FIX,
                    "Replay the rejected callbacks from the provider's dashboard", ActionOutcome.IN_PROGRESS, null);
            incidents.addNote(ref, oncall.username(), NoteKind.STATUS_UPDATE,
                    "Rolled back to 2.13; new payments confirm again. Replaying the missed callbacks.");
            return incidents.mitigate(ref, boss);
        });

        // 4. Resolved, waiting for verification.
        step("resolved incident", () -> {
            IncidentView i = declare("Notification e-mails delayed by 40 minutes", "The mail queue grows.",
                    List.of(notify), triage(false, false, true, 5000L, 10, BusinessImpact.SECONDARY),
                    "Order confirmations arrive late.", now.minus(Duration.ofHours(3)), oncall.username());
            String ref = i.number();
            incidents.acknowledge(ref, oncall.username());
            incidents.assignRole(ref, boss, IncidentRole.COMMANDER, commander.id());
            incidents.investigate(ref, oncall.username());
            incidents.recordAction(ref, oncall.username(), MitigationKind.SCALE_OUT,
                    "Scaled the mail workers from 2 to 6", ActionOutcome.SUCCEEDED, "Queue drained in 25 minutes.");
            incidents.mitigate(ref, oncall.username());
            incidents.updateCause(ref, oncall.username(), "Mail workers could not keep up with the campaign volume.",
                    RootCauseCategory.PROCESS, "The marketing campaign was not announced to operations.");
            incidents.resolve(ref, oncall.username());
            return incidents.checkVerification(ref, oncall.username(), VerificationCheck.HEALTH_CHECK, true,
                    "All green.");
        });

        // 5. Closed after the whole process, with causes and a ticket.
        step("closed incident", () -> {
            IncidentView i = declare("Orders database connection pool exhausted",
                    "\"Too many connections\" errors from the order service.", List.of(database, checkout),
                    triage(false, true, true, null, 60, BusinessImpact.CORE),
                    "Most orders failed for 20 minutes.", now.minus(Duration.ofHours(26)), oncall.username());
            String ref = i.number();
            incidents.acknowledge(ref, oncall.username());
            incidents.assignRole(ref, boss, IncidentRole.COMMANDER, commander.id());
            incidents.investigate(ref, responder.username());
            incidents.recordAction(ref, responder.username(), MitigationKind.RESTART,
                    "Terminated idle connections and restarted the order service", ActionOutcome.SUCCEEDED, null);
            incidents.mitigate(ref, responder.username());
            incidents.updateCause(ref, responder.username(), "Idle connections were never returned to the pool.",
                    RootCauseCategory.TECHNICAL, "A connection leak in the order export job.");
            incidents.linkTicket(ref, responder.username(), "https://tickets.example.com/browse/OPS-1234");
            incidents.resolve(ref, responder.username());
            for (VerificationCheck check : VerificationCheck.values()) {
                incidents.checkVerification(ref, responder.username(), check, true, null);
            }
            incidents.verify(ref, boss);
            return incidents.close(ref, boss, null, false);
        });

        // 6. A false alarm closed early by the commander.
        step("false alarm", () -> {
            IncidentView i = declare("Disk usage alert on the log host", "Alert fired at 91% disk usage.",
                    List.of(), triage(false, false, false, null, 0, BusinessImpact.NONE), null,
                    now.minus(Duration.ofHours(6)), oncall.username());
            incidents.acknowledge(i.number(), oncall.username());
            return incidents.close(i.number(), boss, "Log rotation ran a minute later; the alert threshold is too tight.",
                    true);
        });

        log.info("""

                ============================================================
                 Firebreak demo data created:
                   {}
                 Demo users (password for all: {}):
                   demo-admin, demo-commander, demo-responder, demo-oncall, demo-viewer
                ============================================================""",
                String.join("\n   ", created), PASSWORD);
        return List.copyOf(created);
    }

    private IncidentView declare(String title, String description, List<ServiceView> services, TriageAnswers triage,
            String impact, Instant detectedAt, String actor) {
        IncidentView i = incidents.declare(new DeclareIncident(title, description,
                services.stream().map(ServiceView::id).toList(), null, triage, impact, detectedAt), actor);
        created.add("incident " + i.number() + " (" + i.levelCode() + ") " + title);
        return i;
    }

    private static TriageAnswers triage(Boolean down, Boolean core, Boolean ux, Long users, Integer percent,
            BusinessImpact impact) {
        return new TriageAnswers(down, core, ux, users, percent, impact, false, false, false);
    }

    private UserView user(String username, String displayName, Role role) {
        return users.findByUsername(username).orElseGet(() -> {
            UserView u = users.create(new NewUser(username, displayName, username + "@example.com", null, null,
                    "Asia/Shanghai", role, PASSWORD), ACTOR);
            created.add("user " + username + " (" + role + ")");
            return u;
        });
    }

    private TeamView team(String name, String description, UserView... members) {
        TeamView team = teams.list().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .orElseGet(() -> {
                    TeamView t = teams.create(new TeamDefinition(name, description), ACTOR);
                    created.add("team " + name);
                    return t;
                });
        for (UserView member : members) {
            if (!team.memberIds().contains(member.id())) {
                team = teams.addMember(team.id(), member.id(), ACTOR);
            }
        }
        return team;
    }

    private ServiceView service(String name, String description, TeamView owner, boolean core, int tier,
            List<ServiceView> dependsOn) {
        return catalog.list().stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst().orElseGet(() -> {
            ServiceView s = catalog.create(new ServiceDefinition(name, description, owner.id(), core, tier,
                    dependsOn.stream().map(ServiceView::id).toList()), ACTOR);
            created.add("service " + name);
            return s;
        });
    }

    /** One demo incident; a step the rules refuse is logged and skipped so the rest still appears. */
    private void step(String what, Supplier<IncidentView> step) {
        try {
            step.get();
        } catch (RuntimeException e) {
            log.warn("Demo mode: could not create the {}: {}", what, e.getMessage());
        }
    }
}
