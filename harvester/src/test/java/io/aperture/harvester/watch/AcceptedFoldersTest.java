package io.aperture.harvester.watch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptedFoldersTest {

    @Test
    void onlyPathsBelowAnAcceptedFolderPass(@TempDir Path dir) throws Exception {
        Path beamline = Files.createDirectories(dir.resolve("i03"));
        Path elsewhere = Files.createDirectories(dir.resolve("home"));
        Path inside = Files.writeString(beamline.resolve("scan.nxs"), "x");
        Path secret = Files.writeString(elsewhere.resolve("secret.nxs"), "x");
        AcceptedFolders accepted = new AcceptedFolders(List.of(beamline));

        assertThat(accepted.refusal(inside)).isEmpty();
        assertThat(accepted.refusal(beamline.resolve("not-yet-written.nxs"))).isEmpty();
        assertThat(accepted.refusal(secret)).get().asString().contains("is outside the folders");
        // '..' does not climb out, nor does a folder whose name merely starts like the accepted one
        assertThat(accepted.refusal(beamline.resolve("../home/secret.nxs"))).isPresent();
        Path sibling = Files.createDirectories(dir.resolve("i03-private"));
        assertThat(accepted.refusal(Files.writeString(sibling.resolve("a.nxs"), "x"))).isPresent();
    }

    @Test
    void aLinkInsideThatPointsOutsideIsRefusedAndALinkedFolderIsFollowed(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("gpfs/i03"));
        Path outside = Files.writeString(Files.createDirectories(dir.resolve("etc")).resolve("shadow.nxs"), "x");
        Path link = Files.createSymbolicLink(real.resolve("innocent.nxs"), outside);
        Path data = Files.createSymbolicLink(dir.resolve("data"), real); // /data -> /gpfs/i03
        Path scan = Files.writeString(real.resolve("scan.nxs"), "x");

        AcceptedFolders viaLink = new AcceptedFolders(List.of(data));
        assertThat(viaLink.refusal(link)).get().asString().contains("really " + outside.toRealPath());
        assertThat(viaLink.refusal(scan)).isEmpty();
        assertThat(viaLink.refusal(data.resolve("scan.nxs"))).isEmpty();
        assertThat(new AcceptedFolders(List.of(real)).refusal(data.resolve("scan.nxs"))).isEmpty();
        assertThat(new AcceptedFolders(List.of()).refusal(scan)).isPresent();
    }
}
