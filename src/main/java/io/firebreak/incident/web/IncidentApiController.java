package io.firebreak.incident.web;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentFilter;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentStatus;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.shared.InvalidInputException;
import io.firebreak.shared.PageRequest;

/**
 * {@code /api/v1/incidents}: declare, search, read and work incidents. Reading needs VIEWER, every
 * change RESPONDER (enforced by the API security chain); rules reserved to commanders are checked
 * by the incident module itself.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentApiController {

    private final IncidentManagement incidents;
    private final Clock clock;

    IncidentApiController(IncidentManagement incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<IncidentResponse> declare(Principal principal, @RequestBody(required = false) IncidentRequests.Declare body) {
        require(body);
        IncidentView view = incidents.declare(new DeclareIncident(body.title(), body.description(), body.serviceIds(),
                body.level(), body.triage(), body.impactSummary(), body.detectedAt()), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + view.id())).body(answer(view));
    }

    @GetMapping
    IncidentRequests.Page<IncidentSummaryResponse> search(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> level, @RequestParam(required = false) Long service,
            @RequestParam(required = false) String q, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Set<IncidentStatus> statuses = EnumSet.noneOf(IncidentStatus.class);
        if (status != null) {
            for (String s : status) {
                statuses.add(parse(IncidentStatus.class, "status", s));
            }
        }
        Set<String> levels = new LinkedHashSet<>();
        if (level != null) {
            level.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).forEach(levels::add);
        }
        var filter = new IncidentFilter(statuses, levels, service, q, instant("from", from), instant("to", to), open);
        var result = incidents.search(filter, new PageRequest(page, size));
        Instant now = clock.instant();
        return new IncidentRequests.Page<>(result.items().stream().map(s -> IncidentSummaryResponse.of(s, now)).toList(),
                result.page(), result.size(), result.total());
    }

    @GetMapping("/{ref}")
    IncidentResponse get(@PathVariable String ref) {
        return answer(incidents.get(ref));
    }

    @PostMapping("/{ref}/acknowledge")
    IncidentResponse acknowledge(Principal principal, @PathVariable String ref) {
        return answer(incidents.acknowledge(ref, principal.getName()));
    }

    @PostMapping("/{ref}/investigate")
    IncidentResponse investigate(Principal principal, @PathVariable String ref) {
        return answer(incidents.investigate(ref, principal.getName()));
    }

    @PostMapping("/{ref}/mitigate")
    IncidentResponse mitigate(Principal principal, @PathVariable String ref) {
        return answer(incidents.mitigate(ref, principal.getName()));
    }

    @PostMapping("/{ref}/resolve")
    IncidentResponse resolve(Principal principal, @PathVariable String ref) {
        return answer(incidents.resolve(ref, principal.getName()));
    }

    @PostMapping("/{ref}/verify")
    IncidentResponse verify(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Verify body) {
        List<VerificationCheck> checks = body == null || body.checks() == null ? List.of() : body.checks();
        if (checks.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("checks", "must not contain null");
        }
        return answer(incidents.verify(ref, principal.getName(), checks));
    }

    @PostMapping("/{ref}/close")
    IncidentResponse close(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Close body) {
        String reason = body == null ? null : body.reason();
        boolean falseAlarm = body != null && Boolean.TRUE.equals(body.falseAlarm());
        return answer(incidents.close(ref, principal.getName(), reason, falseAlarm));
    }

    @PostMapping("/{ref}/reopen")
    IncidentResponse reopen(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Reason body) {
        return answer(incidents.reopen(ref, principal.getName(), body == null ? null : body.reason()));
    }

    @PutMapping("/{ref}/verification/{check}")
    IncidentResponse check(Principal principal, @PathVariable String ref, @PathVariable String check,
            @RequestBody(required = false) IncidentRequests.Check body) {
        VerificationCheck item = parse(VerificationCheck.class, "check", check);
        require(body);
        if (body.passed() == null) {
            throw new InvalidInputException("passed", "is required");
        }
        return answer(incidents.checkVerification(ref, principal.getName(), item, body.passed(), body.note()));
    }

    @PutMapping("/{ref}/severity")
    IncidentResponse severity(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Severity body) {
        require(body);
        return answer(incidents.changeSeverity(ref, principal.getName(), body.level(), body.reason(), body.triage()));
    }

    @PutMapping("/{ref}/roles/{role}")
    IncidentResponse assignRole(Principal principal, @PathVariable String ref, @PathVariable String role,
            @RequestBody(required = false) IncidentRequests.AssignRole body) {
        IncidentRole r = parse(IncidentRole.class, "role", role);
        require(body);
        if (body.userId() == null) {
            throw new InvalidInputException("userId", "is required");
        }
        return answer(incidents.assignRole(ref, principal.getName(), r, body.userId()));
    }

    @DeleteMapping("/{ref}/roles/{role}")
    IncidentResponse unassignRole(Principal principal, @PathVariable String ref, @PathVariable String role) {
        return answer(incidents.unassignRole(ref, principal.getName(), parse(IncidentRole.class, "role", role)));
    }

    @PostMapping("/{ref}/notes")
    IncidentResponse addNote(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Note body) {
        require(body);
        return answer(incidents.addNote(ref, principal.getName(), body.kind(), body.body()));
    }

    @PostMapping("/{ref}/actions")
    IncidentResponse recordAction(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Action body) {
        require(body);
        return answer(incidents.recordAction(ref, principal.getName(), body.kind(), body.description(), body.outcome(),
                body.outcomeNote()));
    }

    @PutMapping("/{ref}/actions/{id}")
    IncidentResponse updateAction(Principal principal, @PathVariable String ref, @PathVariable long id,
            @RequestBody(required = false) IncidentRequests.ActionUpdate body) {
        require(body);
        return answer(incidents.updateAction(ref, principal.getName(), id, body.outcome(), body.outcomeNote()));
    }

    @PutMapping("/{ref}/cause")
    IncidentResponse cause(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Cause body) {
        require(body);
        return answer(incidents.updateCause(ref, principal.getName(), body.directCause(), body.rootCauseCategory(),
                body.rootCause()));
    }

    @PutMapping("/{ref}/ticket")
    IncidentResponse ticket(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Ticket body) {
        return answer(incidents.linkTicket(ref, principal.getName(), body == null ? null : body.url()));
    }

    @PatchMapping("/{ref}")
    IncidentResponse details(Principal principal, @PathVariable String ref,
            @RequestBody(required = false) IncidentRequests.Details body) {
        require(body);
        return answer(incidents.updateDetails(ref, principal.getName(), body.title(), body.description(),
                body.serviceIds(), body.impactSummary()));
    }

    private IncidentResponse answer(IncidentView view) {
        return IncidentResponse.of(view, clock.instant());
    }

    private static void require(Object body) {
        if (body == null) {
            throw new InvalidInputException("body", "the request body is missing");
        }
    }

    /** Parses an enum constant given in a path or query ("tech-lead", "TECH_LEAD"), naming the field on failure. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        String normalized = value == null ? "" : value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        throw new InvalidInputException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-01-31T08:00:00Z");
        }
    }
}
