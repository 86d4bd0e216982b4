package io.aperture.portal.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.aperture.portal.architecture.fixture.RulesCopiedOutsidePolicy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard the architecture promises: every embargo and disclosure rule lives in {@code policy/}, and the catalogue
 * has no package cycles. Checked on the compiled production classes of every module on the test classpath (policy,
 * catalogue-api, harvester, portal), and on the sources for what bytecode cannot show (state names in strings,
 * templates and SQL). Each rule is also run on a class that breaks it, so a guard that stopped catching anything
 * would fail here too.
 */
class ArchitectureGuardTest {
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.aperture");
    /** Source folders whose code must ask the policy (main code of every module but policy/). */
    private static final List<String> SOURCES = List.of("catalogue-api/src/main", "portal/src/main", "harvester/src/main");
    /**
     * The stored names of access and DOI states in a string literal, SQL or a template comparison (a switch on the
     * states themselves is caught in the bytecode, by its ordinal() call).
     */
    private static final Pattern STATE_NAME = Pattern.compile("[\"'](EMBARGOED|RELEASED|WITHDRAWN|REGISTERED|FINDABLE)[\"']");

    @Test
    void productionCodeOutsidePolicyDecidesNoEmbargoQuestion() {
        assertThat(PRODUCTION.stream().map(c -> c.getPackageName()))
                .as("the import sees the modules it guards")
                .anyMatch(p -> p.startsWith("io.aperture.catalogue.embargo"))
                .anyMatch(p -> p.startsWith("io.aperture.portal"))
                .anyMatch(p -> p.startsWith("io.aperture.harvester"));
        for (ArchRule rule : PolicyGuard.rules()) {
            rule.check(PRODUCTION);
        }
    }

    @Test
    void everyRuleCatchesACopiedRule() {
        JavaClasses copied = new ClassFileImporter().importClasses(RulesCopiedOutsidePolicy.class);
        List<ArchRule> rules = PolicyGuard.rules();
        for (ArchRule rule : rules) {
            EvaluationResult result = rule.evaluate(copied);
            assertThat(result.hasViolation()).as("rule catches a violation: %s", rule.getDescription()).isTrue();
        }
        String all = rules.stream().map(r -> r.evaluate(copied).getFailureReport().toString()).reduce("", String::concat);
        assertThat(all).contains("isOpen").contains("label").contains("extended").contains("ended");
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.aperture.catalogue.(*)..").should().beFreeOfCycles().check(PRODUCTION);
        slices().matching("io.aperture.(*)..").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void noStateNamesInSourcesOutsidePolicy() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        for (String folder : SOURCES) {
            Path dir = root.resolve(folder);
            assertThat(dir).as("source folder %s", folder).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".html")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = STATE_NAME.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(found).as("state names compared outside policy/ (ask the policy instead)").isEmpty();
        assertThat(STATE_NAME.matcher("WHERE status = 'EMBARGOED'").find()).isTrue();
        assertThat(STATE_NAME.matcher("{#if e.status == 'RELEASED'}").find()).isTrue();
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("policy/pom.xml"))) {
            p = p.getParent();
        }
        assertThat(p).as("the repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }
}
