package io.firebreak.notification.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.firebreak.identity.TeamManagement;
import io.firebreak.identity.UserManagement;
import io.firebreak.notification.Audience;
import io.firebreak.notification.internal.AudienceBook;
import io.firebreak.notification.internal.ChannelRepository;
import io.firebreak.severity.SeverityManagement;
import io.firebreak.shared.InvalidInputException;

/**
 * {@code /notifications/audiences} (ADMIN): per severity level, the practice's default audience as
 * help text and the channels, teams and people who hear the level's incident messages.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AudiencePagesController {

    private final AudienceBook audiences;
    private final SeverityManagement severity;
    private final ChannelRepository channels;
    private final TeamManagement teams;
    private final UserManagement users;

    AudiencePagesController(AudienceBook audiences, SeverityManagement severity, ChannelRepository channels,
            TeamManagement teams, UserManagement users) {
        this.audiences = audiences;
        this.severity = severity;
        this.channels = channels;
        this.teams = teams;
        this.users = users;
    }

    @GetMapping("/notifications/audiences")
    String page(Model model, Locale locale) {
        var levels = severity.activeScheme(locale).levels();
        model.addAttribute("levels", levels);
        model.addAttribute("audiences", levels.stream().map(l -> audiences.get(l.code())).toList());
        model.addAttribute("channels", channels.all().stream().filter(c -> !c.customer()).toList());
        model.addAttribute("teams", teams.list());
        model.addAttribute("people", users.list());
        return "notification/audiences";
    }

    @PostMapping("/notifications/audiences/{levelCode}")
    String save(@PathVariable String levelCode, @RequestParam(required = false) List<Long> channels,
            @RequestParam(required = false) List<Long> teams, @RequestParam(required = false) List<Long> users,
            Model model, Locale locale, Principal principal, jakarta.servlet.http.HttpServletResponse response) {
        try {
            audiences.put(levelCode, new Audience(levelCode, channels, teams, users), principal.getName());
            return "redirect:/notifications/audiences";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.field() + ": " + e.getMessage());
            return page(model, locale);
        }
    }
}
