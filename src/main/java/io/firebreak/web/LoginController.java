package io.firebreak.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the sign-in page; Spring Security handles the form post. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "web/login";
    }
}
