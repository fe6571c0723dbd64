package io.firebreak.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.firebreak.escalation.ClockRuleManagement;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.incident.IncidentSummary;

/**
 * The landing page: open incidents grouped by level, most severe first, each with its stage,
 * services, commander, ticking clocks and at-risk or breached marker (from the clock rules). The
 * panel is also served alone ({@code /dashboard/panel}) so the page can refresh itself every 30
 * seconds without a full reload.
 */
@Controller
class DashboardController {

    private final IncidentManagement incidents;
    private final ClockRuleManagement clockRules;
    private final Clock clock;

    DashboardController(IncidentManagement incidents, ClockRuleManagement clockRules, Clock clock) {
        this.incidents = incidents;
        this.clockRules = clockRules;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        fill(model);
        return "web/dashboard";
    }

    @GetMapping("/dashboard/panel")
    String panel(Model model) {
        fill(model);
        return "web/dashboard :: panel";
    }

    private void fill(Model model) {
        List<IncidentSummary> open = incidents.open();
        model.addAttribute("groups", group(open));
        model.addAttribute("risks", clockRules.risks(open));
        model.addAttribute("now", clock.instant());
    }

    /** One level's open incidents, in the order the facade gave them (oldest first). */
    record LevelGroup(String code, String name, int rank, List<IncidentSummary> incidents) {
    }

    static List<LevelGroup> group(List<IncidentSummary> open) {
        Map<String, List<IncidentSummary>> byLevel = new LinkedHashMap<>();
        open.stream().sorted(java.util.Comparator.comparingInt(IncidentSummary::levelRank))
                .forEach(i -> byLevel.computeIfAbsent(i.levelCode(), k -> new ArrayList<>()).add(i));
        return byLevel.values().stream().map(list -> new LevelGroup(list.getFirst().levelCode(),
                list.getFirst().levelName(), list.getFirst().levelRank(), List.copyOf(list))).toList();
    }
}
