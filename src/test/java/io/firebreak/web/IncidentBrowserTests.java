package io.firebreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import io.firebreak.identity.Role;
import io.firebreak.identity.UserView;
import io.firebreak.incident.DeclareIncident;
import io.firebreak.incident.IncidentManagement;
import io.firebreak.severity.TriageAnswers;
import io.firebreak.support.ApiClient;
import io.firebreak.support.FirebreakTest;
import io.firebreak.support.TestUsers;

/**
 * The incident UI in a real headless Chromium: a commander declares an incident through the
 * triage questionnaire and drives it to closure; the Chinese UI; a viewer sees no action. Fails
 * (never skips) when Chromium or its driver is missing.
 */
@FirebreakTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentBrowserTests {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @Autowired ApiClient api;
    @Autowired TestUsers users;
    @Autowired IncidentManagement incidents;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void startBrowser() throws Exception {
        assertThat(Files.isExecutable(Path.of(CHROMIUM))).as("Chromium must be installed at " + CHROMIUM).isTrue();
        assertThat(Files.isExecutable(Path.of(CHROMEDRIVER))).as("chromedriver must be installed at " + CHROMEDRIVER)
                .isTrue();
        Path profile = Files.createDirectories(Path.of("target", "chromium-profiles"))
                .resolve("profile-" + UUID.randomUUID());
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void signOut() {
        driver.get(api.baseUrl() + "/login");
        driver.manage().deleteAllCookies();
    }

    @Test
    void aCommanderDeclaresThroughTriageAndDrivesTheIncidentToClosure() {
        UserView me = login(Role.COMMANDER);
        String title = "Browser checkout outage " + UUID.randomUUID().toString().substring(0, 8);
        String rollback = "Rolled back checkout to 1.4." + System.nanoTime() % 1000;

        open("/incidents/new");
        type(By.id("title"), title);
        click(By.id("serviceDown-no"));
        click(By.id("coreFunctionAffected-yes"));
        wait.until(d -> "P1".equals(d.findElement(By.id("triage-recommended-level")).getDomAttribute("value")));
        wait.until(d -> "P1".equals(new Select(d.findElement(By.id("levelCode"))).getFirstSelectedOption()
                .getAttribute("value")));
        click(By.id("declare-submit"));

        wait.until(d -> d.getCurrentUrl().matches(".*/incidents/INC-\\d+$"));
        String number = text(By.id("incident-number"));
        assertThat(number).matches("INC-\\d+");
        assertThat(text(By.id("incident-title"))).isEqualTo(title);
        assertThat(text(By.id("incident-level"))).isEqualTo("P1");
        assertThat(text(By.id("incident-status"))).isEqualTo("Detected");
        assertThat(driver.findElements(By.cssSelector("#clock-RESPONSE .clock[data-due]"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#clock-RESOLUTION .clock[data-due]"))).hasSize(1);
        wait.until(d -> d.findElement(By.cssSelector("#clock-RESPONSE .clock")).getText().strip().endsWith("left"));
        assertThat(driver.findElement(By.id("stage-DETECTED")).getAttribute("class")).contains("current");

        click(By.id("action-acknowledge"));
        waitForText(By.id("incident-status"), "Acknowledged");
        assertThat(text(By.cssSelector("#clock-RESPONSE .clock.met"))).startsWith("met");
        assertThat(driver.findElement(By.id("stage-DETECTED")).getAttribute("class")).contains("done");

        wait.until(d -> {
            new Select(d.findElement(By.id("role-COMMANDER-user"))).selectByValue(String.valueOf(me.id()));
            d.findElement(By.id("role-COMMANDER-assign")).click();
            return true;
        });
        waitForText(By.id("role-COMMANDER-holder"), me.displayName());

        wait.until(d -> {
            new Select(d.findElement(By.id("action-kind"))).selectByValue("ROLLBACK");
            d.findElement(By.id("action-description")).sendKeys(rollback);
            d.findElement(By.id("action-record")).click();
            return true;
        });
        wait.until(d -> d.findElement(By.id("actions")).getText().contains(rollback));
        assertThat(text(By.id("actions"))).contains("Roll back");

        click(By.id("action-resolve"));
        waitForText(By.id("incident-status"), "Resolved");

        for (String check : List.of("HEALTH_CHECK", "SMOKE_TEST", "METRICS_NORMAL", "USER_FEEDBACK")) {
            wait.until(d -> {
                d.findElement(By.id("verify-" + check + "-note")).sendKeys("ok");
                d.findElement(By.id("verify-" + check + "-pass")).click();
                return true;
            });
            wait.until(d -> d.findElement(By.id("verification-" + check)).getAttribute("class").contains("passed"));
        }
        click(By.id("action-verify"));
        waitForText(By.id("incident-status"), "Verified");

        click(By.id("action-close"));
        waitForText(By.id("incident-status"), "Closed");
        assertThat(driver.findElement(By.id("stage-CLOSED")).getAttribute("class")).contains("current");

        // The timeline is its own panel, loaded by htmx from the incident module.
        wait.until(d -> {
            String timeline = d.findElement(By.id("timeline-panel")).getText();
            return timeline.contains("Acknowledged") && timeline.contains("Resolved") && timeline.contains("Verified")
                    && timeline.contains("Closed") && timeline.contains(rollback);
        });
        assertThat(text(By.id("timeline-panel"))).contains("Declared", "Incident commander", me.username());

        open("/incidents?q=" + number);
        assertThat(text(By.id("incident-table"))).contains(number, title, "Closed");
    }

    @Test
    void theLevelFollowsTheRecommendationUntilChosenByHand() {
        login(Role.RESPONDER);
        open("/incidents/new");
        click(By.id("coreFunctionAffected-yes"));
        wait.until(d -> "P1".equals(new Select(d.findElement(By.id("levelCode"))).getFirstSelectedOption()
                .getAttribute("value")));
        new Select(driver.findElement(By.id("levelCode"))).selectByValue("P3");
        click(By.id("serviceDown-yes"));
        wait.until(d -> "P0".equals(d.findElement(By.id("triage-recommended-level")).getDomAttribute("value")));
        assertThat(new Select(driver.findElement(By.id("levelCode"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("P3");
    }

    @Test
    void theUiSpeaksChinese() {
        login(Role.RESPONDER);
        String number = declareDirectly("Chinese page " + UUID.randomUUID());

        open("/?lang=zh-CN");
        waitForText(By.tagName("h1"), "进行中的事件");
        assertThat(text(By.cssSelector("header.topbar"))).contains("事件", "宣布事件");
        assertThat(text(By.id("dashboard-" + number))).contains("事件指挥官", "检测时间");

        open("/incidents/" + number);
        assertThat(text(By.id("incident-status"))).isEqualTo("已检测");
        assertThat(text(By.id("stages"))).contains("检测");
        assertThat(text(By.id("roles"))).contains("事件指挥官", "技术负责人");
        assertThat(text(By.id("action-acknowledge"))).isEqualTo("确认");
        assertThat(text(By.cssSelector("#clock-RESPONSE .clock"))).startsWith("剩余");
    }

    @Test
    void aViewerSeesTheIncidentButNoActionButtons() {
        String number = declareDirectly("Viewer page " + UUID.randomUUID());
        login(Role.VIEWER);

        open("/");
        assertThat(driver.findElements(By.id("dashboard-declare"))).isEmpty();
        assertThat(driver.findElements(By.id("dashboard-" + number))).hasSize(1);

        open("/incidents/" + number);
        assertThat(text(By.id("incident-number"))).isEqualTo(number);
        assertThat(driver.findElements(By.cssSelector("#incident-live form"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#incident-live button"))).isEmpty();
        assertThat(driver.findElements(By.id("stage-actions"))).isEmpty();

        // Someone else acts: the open page follows by itself over the event stream, timeline included.
        wait.until(d -> d.findElement(By.id("timeline-panel")).getText().contains("Declared"));
        incidents.acknowledge(number, users.create(Role.RESPONDER).username());
        waitForText(By.id("incident-status"), "Acknowledged");
        wait.until(d -> d.findElement(By.id("timeline-panel")).getText().contains("Acknowledged"));
    }

    private UserView login(Role role) {
        UserView user = users.create(role);
        open("/login");
        type(By.id("username"), user.username());
        type(By.id("password"), TestUsers.PASSWORD);
        click(By.id("login-submit"));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        return user;
    }

    private String declareDirectly(String title) {
        UserView responder = users.create(Role.RESPONDER);
        return incidents.declare(new DeclareIncident(title, null, List.of(), "P2", TriageAnswers.none(), null, null),
                responder.username()).number();
    }

    private void open(String path) {
        driver.get(api.baseUrl() + path);
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    private void click(By by) {
        wait.until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private void type(By by, String text) {
        wait.until(d -> {
            WebElement el = d.findElement(by);
            el.clear();
            el.sendKeys(text);
            return true;
        });
    }

    private String text(By by) {
        return wait.until((Function<WebDriver, String>) d -> d.findElement(by).getText().strip());
    }

    private void waitForText(By by, String expected) {
        wait.until(d -> expected.equals(d.findElement(by).getText().strip()));
    }
}
