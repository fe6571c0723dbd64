package io.firebreak;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point: one executable jar that runs the whole incident response platform. */
@SpringBootApplication
@EnableScheduling
public class FirebreakApplication {

    public static void main(String[] args) {
        SpringApplication.run(FirebreakApplication.class, args);
    }
}
