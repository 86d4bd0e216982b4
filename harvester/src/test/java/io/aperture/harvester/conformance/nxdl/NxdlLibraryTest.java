package io.aperture.harvester.conformance.nxdl;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NxdlLibraryTest {
    private final NxdlLibrary library = NxdlLibrary.shared();

    private static List<String> shipped(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(NxdlLibrary.class.getResource("/io/aperture/harvester/conformance/nxdl/" + folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString().replace(".nxdl.xml", "")).sorted().toList();
        }
    }

    @Test
    void everyShippedDefinitionValidatesAgainstNxdlXsd() throws Exception {
        List<String> apps = shipped("applications");
        List<String> bases = shipped("base_classes");

        assertThat(apps).contains("NXmx", "NXtomo", "NXcanSAS", "NXsas", "NXstxm", "NXfluo", "NXxas", "NXarpes");
        assertThat(bases).hasSize(142).contains("NXentry", "NXdata", "NXtransformations");
        for (String a : apps) {
            assertThat(library.application(a)).as(a).hasValueSatisfying(d -> assertThat(d.isApplication()).isTrue());
        }
        for (String b : bases) {
            assertThat(library.baseClass(b)).as(b).hasValueSatisfying(d -> assertThat(d.category()).isEqualTo("base"));
        }
    }

    @Test
    void optionalityFollowsTheApplicationDefinitionRules() {
        NxdlGroup entry = library.application("NXtomo").orElseThrow().body().groups().getFirst();
        NxdlGroup sample = entry.groups().stream().filter(g -> "sample".equals(g.name())).findFirst().orElseThrow();
        NxdlGroup detector = entry.groups().stream().filter(g -> "instrument".equals(g.name())).findFirst().orElseThrow()
                .groups().stream().filter(g -> "detector".equals(g.name())).findFirst().orElseThrow();

        // <field name="title" minOccurs="0"/>, <field name="definition"> with <item value="NXtomo"/>
        assertThat(entry.field("title").optionality()).isEqualTo(Optionality.OPTIONAL);
        assertThat(entry.field("definition").optionality()).isEqualTo(Optionality.REQUIRED);
        assertThat(entry.field("definition").enumeration().values()).containsExactly("NXtomo");
        // <field name="name"> in the sample: nothing written, so required (nxdl.xsd's default minOccurs="0" ignored)
        assertThat(sample.field("name").optionality()).isEqualTo(Optionality.REQUIRED);
        assertThat(sample.field("rotation_angle").units()).isEqualTo("NX_ANGLE");
        assertThat(detector.field("data").rank()).isEqualTo(3);
        // base classes: everything optional
        assertThat(library.baseClass("NXsample").orElseThrow().body().field("name").optionality())
                .isEqualTo(Optionality.OPTIONAL);
    }

    @Test
    void unknownOrOddNamesAreNotFound() {
        assertThat(library.application("NXnotathing")).isEmpty();
        assertThat(library.application("../base_classes/NXentry")).isEmpty();
        assertThat(library.baseClass("NXtomo")).isEmpty();
    }

    @Test
    void anInvalidDefinitionIsRefused() {
        String invalid = """
                <definition xmlns="http://definition.nexusformat.org/nxdl/3.1" name="NXbroken" type="group"
                    category="application" extends="NXobject">
                  <group type="NXentry"><notanelement/></group>
                </definition>""";

        assertThatThrownBy(() -> library.parse(new ByteArrayInputStream(invalid.getBytes(StandardCharsets.UTF_8)), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid against nxdl.xsd");
    }

    @Test
    void aDoctypeOrExternalEntityIsRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE definition [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <definition xmlns="http://definition.nexusformat.org/nxdl/3.1" name="NXevil" type="group"
                    category="base" extends="NXobject"><doc>&x;</doc></definition>""";

        assertThatThrownBy(() -> library.parse(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), "test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DOCTYPE");
    }
}
