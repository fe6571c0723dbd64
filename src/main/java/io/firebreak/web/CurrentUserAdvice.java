package io.firebreak.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.firebreak.identity.UserManagement;
import io.firebreak.identity.UserView;

/** Puts the signed-in person ({@code currentUser}) into every page's model for the layout. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final UserManagement users;

    CurrentUserAdvice(UserManagement users) {
        this.users = users;
    }

    @ModelAttribute("currentUser")
    UserView currentUser(HttpServletRequest request) {
        return CurrentUsers.of(request, users).orElse(null);
    }
}
