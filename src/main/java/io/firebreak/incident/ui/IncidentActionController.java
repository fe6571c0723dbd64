package io.firebreak.incident.ui;

import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import io.firebreak.incident.ActionOutcome;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentRole;
import io.firebreak.incident.IncidentView;
import io.firebreak.incident.MitigationKind;
import io.firebreak.incident.NoteKind;
import io.firebreak.incident.RootCauseCategory;
import io.firebreak.incident.VerificationCheck;
import io.firebreak.shared.InvalidInputException;

/**
 * Every change a person makes on the incident page, as plain form posts answered with a redirect
 * back to the page (post/redirect/get). A refusal by the facade (conflict, invalid input, a rule
 * reserved to commanders) becomes an error notice on the page; only responders may post at all.
 */
@Controller
@RequestMapping("/incidents/{ref}")
@PreAuthorize("hasRole('RESPONDER')")
class IncidentActionController {

    private final IncidentManagement incidents;
    private final Notices notices;

    IncidentActionController(IncidentManagement incidents, Notices notices) {
        this.incidents = incidents;
        this.notices = notices;
    }

    @PostMapping("/acknowledge")
    String acknowledge(@PathVariable String ref, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.acknowledge", "", () -> incidents.acknowledge(ref, who.getName()));
    }

    @PostMapping("/investigate")
    String investigate(@PathVariable String ref, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.investigate", "", () -> incidents.investigate(ref, who.getName()));
    }

    @PostMapping("/mitigate")
    String mitigate(@PathVariable String ref, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.mitigate", "", () -> incidents.mitigate(ref, who.getName()));
    }

    @PostMapping("/resolve")
    String resolve(@PathVariable String ref, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.resolve", "verification",
                () -> incidents.resolve(ref, who.getName()));
    }

    @PostMapping("/verify")
    String verify(@PathVariable String ref, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.verify", "", () -> incidents.verify(ref, who.getName()));
    }

    @PostMapping("/close")
    String close(@PathVariable String ref, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") String falseAlarm, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.close", "", () -> incidents.close(ref, who.getName(),
                blankToNull(reason), "true".equals(falseAlarm)));
    }

    @PostMapping("/reopen")
    String reopen(@PathVariable String ref, @RequestParam(defaultValue = "") String reason, Principal who,
            RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.reopen", "",
                () -> incidents.reopen(ref, who.getName(), blankToNull(reason)));
    }

    @PostMapping("/verification/{check}")
    String check(@PathVariable String ref, @PathVariable String check,
            @RequestParam(defaultValue = "true") String passed, @RequestParam(defaultValue = "") String note,
            Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.saved", "verification",
                () -> incidents.checkVerification(ref, who.getName(), parse(VerificationCheck.class, check, "check"),
                        !"false".equals(passed), blankToNull(note)));
    }

    @PostMapping("/severity")
    String severity(@PathVariable String ref, @RequestParam(defaultValue = "") String levelCode,
            @RequestParam(defaultValue = "") String reason, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.severity", "severity", () -> incidents.changeSeverity(ref,
                who.getName(), levelCode, blankToNull(reason), null));
    }

    @PostMapping("/roles/{role}")
    String assign(@PathVariable String ref, @PathVariable String role, @RequestParam(defaultValue = "") String userId,
            Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.role", "roles", () -> incidents.assignRole(ref, who.getName(),
                parse(IncidentRole.class, role, "role"), parseId(userId, "userId")));
    }

    @PostMapping("/roles/{role}/unassign")
    String unassign(@PathVariable String ref, @PathVariable String role, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.role", "roles",
                () -> incidents.unassignRole(ref, who.getName(), parse(IncidentRole.class, role, "role")));
    }

    @PostMapping("/notes")
    String note(@PathVariable String ref, @RequestParam(defaultValue = "NOTE") String kind,
            @RequestParam(defaultValue = "") String body, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.note", "notes",
                () -> incidents.addNote(ref, who.getName(), parse(NoteKind.class, kind, "kind"), body.strip()));
    }

    @PostMapping("/actions")
    String recordAction(@PathVariable String ref, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "IN_PROGRESS") String outcome,
            @RequestParam(defaultValue = "") String outcomeNote, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.action", "mitigation", () -> incidents.recordAction(ref,
                who.getName(), parse(MitigationKind.class, kind, "kind"), description.strip(),
                parse(ActionOutcome.class, outcome, "outcome"), blankToNull(outcomeNote)));
    }

    @PostMapping("/actions/{actionId}")
    String updateAction(@PathVariable String ref, @PathVariable String actionId,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String outcomeNote,
            Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.saved", "mitigation", () -> incidents.updateAction(ref,
                who.getName(), parseId(actionId, "actionId"), parse(ActionOutcome.class, outcome, "outcome"),
                blankToNull(outcomeNote)));
    }

    @PostMapping("/cause")
    String cause(@PathVariable String ref, @RequestParam(defaultValue = "") String directCause,
            @RequestParam(defaultValue = "") String rootCauseCategory,
            @RequestParam(defaultValue = "") String rootCause, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.saved", "cause", () -> incidents.updateCause(ref, who.getName(),
                blankToNull(directCause),
                rootCauseCategory.isBlank() ? null : parse(RootCauseCategory.class, rootCauseCategory,
                        "rootCauseCategory"),
                blankToNull(rootCause)));
    }

    @PostMapping("/details")
    String details(@PathVariable String ref, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) List<String> serviceIds,
            @RequestParam(defaultValue = "") String impactSummary, Principal who, RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.saved", "details", () -> incidents.updateDetails(ref, who.getName(),
                title.strip(), description.strip(),
                serviceIds == null ? List.of() : serviceIds.stream().map(id -> parseId(id, "serviceIds")).toList(),
                impactSummary.strip()));
    }

    @PostMapping("/ticket")
    String ticket(@PathVariable String ref, @RequestParam(defaultValue = "") String url, Principal who,
            RedirectAttributes flash) {
        return act(ref, flash, "incidentui.done.saved", "details",
                () -> incidents.linkTicket(ref, who.getName(), blankToNull(url)));
    }

    private String act(String ref, RedirectAttributes flash, String doneKey, String anchor,
            Supplier<IncidentView> action) {
        String target = UriUtils.encodePathSegment(ref, java.nio.charset.StandardCharsets.UTF_8);
        try {
            IncidentView after = action.get();
            notices.ok(flash, doneKey);
            target = after.number();
        } catch (RuntimeException e) {
            notices.refused(flash, e);
        }
        return "redirect:/incidents/" + target + (anchor.isEmpty() ? "" : "#" + anchor);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "is not one of the offered choices");
        }
    }

    private static long parseId(String value, String field) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "choose one of the offered entries");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
