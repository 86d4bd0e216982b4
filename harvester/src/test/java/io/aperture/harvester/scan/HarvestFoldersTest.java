package io.aperture.harvester.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HarvestFoldersTest {

    @Test
    void aFileMustReallyLieBelowAFolderWhenItIsHarvested(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("gpfs/i03"));
        Path data = Files.createSymbolicLink(dir.resolve("data"), real); // /data -> /gpfs/i03
        Path secret = Files.writeString(Files.createDirectories(dir.resolve("etc")).resolve("secret.nxs"), "x");
        Path scan = Files.writeString(real.resolve("scan.nxs"), "x");
        HarvestFolders folders = new HarvestFolders(List.of(data));

        assertThat(folders.refusal(data.resolve("scan.nxs"))).isEmpty();
        assertThat(folders.refusal(scan)).isEmpty();
        assertThat(folders.refusal(data.resolve("not-yet.nxs"))).as("missing: reading it says so").isEmpty();
        assertThat(folders.refusal(secret)).get().asString().startsWith("OUTSIDE: ");

        // a name announced (or found) while it did not exist, that has become a link to a file elsewhere
        Path later = Files.createSymbolicLink(real.resolve("later.nxs"), secret);
        assertThat(folders.refusal(data.resolve("later.nxs"))).get().asString()
                .isEqualTo("OUTSIDE: really " + secret.toRealPath() + ", outside the harvested folders [" + data + "]");
        assertThat(folders.refusal(later)).isPresent();
        // nor does a folder whose name merely starts like the accepted one count
        Path sibling = Files.createDirectories(dir.resolve("gpfs/i03-private"));
        assertThat(folders.refusal(Files.writeString(sibling.resolve("a.nxs"), "x"))).isPresent();
    }
}
