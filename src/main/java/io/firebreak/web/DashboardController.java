package io.firebreak.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: open incidents by level with their stage and ticking clocks. */
@Controller
class DashboardController {

    @GetMapping("/")
    String dashboard() {
        return "web/dashboard";
    }
}
