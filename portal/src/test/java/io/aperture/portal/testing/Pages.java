package io.aperture.portal.testing;

import io.aperture.testsupport.RepoFiles;
import org.eclipse.microprofile.config.ConfigProvider;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the browser tests do to the portal's pages: log in, submit a form, check a page with axe, take screenshots. */
public final class Pages {
    /** The phone width the layout must fit without sideways scrolling. */
    public static final int PHONE_WIDTH = 390;

    private final ChromeDriver browser;
    private final URL root;

    public Pages(ChromeDriver browser, URL root) {
        this.browser = browser;
        this.root = root;
    }

    /** A fresh login: cookies go both on the portal's host and on Keycloak's, or Keycloak's SSO session would answer. */
    public void login(String user) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        browser.get(issuer + "/.well-known/openid-configuration");
        browser.manage().deleteAllCookies();
        browser.get(root.toString());
        browser.manage().deleteAllCookies();
        browser.get(root + "login");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.id("username")).size() == 1);
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(root.toString()));
    }

    /** Clicks a form's button (or a link) and waits for the answer page to replace the current one. */
    public void submit(WebElement button) {
        WebElement html = browser.findElement(By.tagName("html"));
        button.click();
        awaitNewPage(html);
    }

    /** Waits until the page that held {@code html} has been replaced. */
    public void awaitNewPage(WebElement html) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> isGone(html));
    }

    /**
     * Whether the old page's element has left the document. Mid-navigation chromedriver may say so as an inspector
     * error ("Node with given id does not belong to the document") instead of a stale-element error; both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The page as rendered has no serious or critical accessibility violation (axe-core) and exactly one h1. */
    public void assertAccessible() {
        assertThat(Axe.serious(browser)).as("axe-core: serious or critical violations on %s", browser.getCurrentUrl()).isEmpty();
        assertThat(browser.findElements(By.tagName("h1"))).as("one h1 on %s", browser.getCurrentUrl()).hasSize(1);
    }

    /** At phone width the page does not scroll sideways; the window is set back to desktop width afterwards. */
    public void assertFitsPhone() {
        Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
            Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            Number client = (Number) browser.executeScript("return document.documentElement.clientWidth");
            assertThat(scroll.intValue()).as("sideways scroll at %d px on %s", PHONE_WIDTH, browser.getCurrentUrl())
                    .isLessThanOrEqualTo(client.intValue());
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    /** Screenshots at desktop and phone width, {@code docs/screenshots/<name>-desktop.png} and {@code -phone.png}. */
    public void screenshots(String name) {
        Dimension desktop = browser.manage().window().getSize();
        try {
            Path dir = RepoFiles.root().resolve("docs/screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + "-desktop.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 844));
            Files.write(dir.resolve(name + "-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }
}
