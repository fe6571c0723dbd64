package io.firebreak.identity.web;

import java.security.Principal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.firebreak.identity.IssuedToken;
import io.firebreak.identity.TokenManagement;
import io.firebreak.shared.InvalidInputException;

/**
 * {@code /tokens}: a person's own API tokens. A new token's secret travels to the next page as a
 * flash attribute, so it is shown exactly once and a reload does not show it again.
 */
@Controller
@RequestMapping("/tokens")
@PreAuthorize("hasRole('VIEWER')")
class TokenPageController {

    private final TokenManagement tokens;
    private final FormErrors errors;

    TokenPageController(TokenManagement tokens, FormErrors errors) {
        this.tokens = tokens;
        this.errors = errors;
    }

    @GetMapping
    String list(Principal principal, Model model) {
        return page(principal, model, "");
    }

    @PostMapping
    String create(@RequestParam(required = false) String name, Principal principal, Model model,
            RedirectAttributes redirect) {
        try {
            IssuedToken issued = tokens.create(principal.getName(), name);
            redirect.addFlashAttribute("secret", issued.token());
            redirect.addFlashAttribute("secretName", issued.view().name());
            return "redirect:/tokens";
        } catch (InvalidInputException e) {
            errors.field(model, e);
        }
        return page(principal, model, name);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        tokens.revoke(principal.getName(), id);
        redirect.addFlashAttribute("notice", errors.text("identity.tokens.revoked", "Revoked."));
        return "redirect:/tokens";
    }

    private String page(Principal principal, Model model, String name) {
        model.addAttribute("tokens", tokens.list(principal.getName()));
        model.addAttribute("name", name == null ? "" : name);
        return "identity/tokens";
    }
}
