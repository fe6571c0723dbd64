package io.firebreak.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.firebreak.shared.NotFoundException;

/** Shows the ordinary 404 page when an identity page names a user, team or token that does not exist. */
@ControllerAdvice(assignableTypes = { UserPageController.class, TeamPageController.class,
        ProfilePageController.class, TokenPageController.class, AuditPageController.class })
class UiNotFoundAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
