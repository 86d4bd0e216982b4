package io.aperture.harvester.preview;

import io.aperture.harvester.hdf5.FileSniffer;
import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Tree;
import io.aperture.harvester.hdf5.H5Value;
import io.aperture.harvester.hdf5.jhdf.JhdfSource;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PlotPreviewTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final PlotPreview preview = new PlotPreview(PlotPreview.Budget.DEFAULT, clock);

    /** A signal computed on demand, counting the values asked for. */
    private record Virtual(long[] shape, AtomicLong read, List<long[]> offsets) implements PlotPreview.Slices {
        Virtual(long... shape) {
            this(shape, new AtomicLong(), new ArrayList<>());
        }

        @Override
        public double[] read(long[] offset, int[] count) {
            offsets.add(offset.clone());
            long n = 1;
            for (int c : count) {
                n *= c;
            }
            read.addAndGet(n);
            double[] out = new double[(int) n];
            int last = shape.length - 1;
            for (int i = 0; i < n; i++) {
                // 1-D: two periods of a sine; images: brighter to the right
                long col = offset[last] + i % count[last];
                out[i] = shape.length == 1 ? Math.sin(col / (double) shape[0] * 4 * Math.PI) : col;
            }
            return out;
        }
    }

    private static BufferedImage decode(Optional<byte[]> png) throws IOException {
        assertThat(png).as("a preview").isPresent();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.get()));
        assertThat(img).as("a PNG").isNotNull();
        return img;
    }

    private static int grey(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xff;
    }

    @Test
    void aHugeOneDimensionalSignalIsALineFromABoundedRead() throws Exception {
        Virtual signal = new Virtual(50_000_000_000L);
        BufferedImage img = decode(preview.render(signal.shape(), signal));
        assertThat(img.getWidth()).isEqualTo(PlotPreview.SIZE);
        assertThat(img.getHeight()).isEqualTo(PlotPreview.SIZE / 2);
        assertThat(signal.read().get()).isLessThanOrEqualTo(PlotPreview.Budget.DEFAULT.elements());
        assertThat(signal.offsets()).hasSizeLessThanOrEqualTo(PlotPreview.SIZE);
        // two periods of a sine: the line reaches both the top and the bottom of the image
        Set<Integer> rowsDrawn = new HashSet<>();
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    rowsDrawn.add(y);
                }
            }
        }
        assertThat(rowsDrawn).contains(2, img.getHeight() - 3);
    }

    @Test
    void aHugeImageIsSampledWithinTheBudgetAndKeepsItsGradient() throws Exception {
        Virtual signal = new Virtual(100_000, 100_000);
        BufferedImage img = decode(preview.render(signal.shape(), signal));
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(img.getHeight()).isEqualTo(256);
        assertThat(signal.read().get()).isLessThanOrEqualTo(PlotPreview.Budget.DEFAULT.elements());
        assertThat(grey(img, 5, 128)).isLessThan(grey(img, 128, 128));
        assertThat(grey(img, 128, 128)).isLessThan(grey(img, 250, 128));
    }

    @Test
    void higherRanksShowTheMiddleSlice() throws Exception {
        Virtual signal = new Virtual(7, 40, 30);
        BufferedImage img = decode(preview.render(signal.shape(), signal));
        assertThat(img.getWidth()).isEqualTo(30);
        assertThat(img.getHeight()).isEqualTo(40);
        assertThat(signal.offsets()).isNotEmpty().allSatisfy(o -> assertThat(o[0]).isEqualTo(3));
        assertThat(signal.read().get()).isEqualTo(7 * 40 * 30 / 7);
    }

    @Test
    void overTheBudgetThereIsNoPreview() throws Exception {
        Virtual signal = new Virtual(1000, 1000);
        PlotPreview tight = new PlotPreview(new PlotPreview.Budget(100, Duration.ofSeconds(2)), clock);
        assertThat(tight.render(signal.shape(), signal)).isEmpty();
        assertThat(signal.read().get()).isLessThanOrEqualTo(100);

        // a clock that moves a second on every look: the two-second budget runs out after a few reads
        Clock slow = new Clock() {
            private Instant now = Instant.parse("2026-01-01T00:00:00Z");

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                now = now.plusSeconds(1);
                return now;
            }
        };
        Virtual again = new Virtual(1000, 1000);
        assertThat(new PlotPreview(PlotPreview.Budget.DEFAULT, slow).render(again.shape(), again)).isEmpty();
        assertThat(again.offsets()).hasSizeLessThan(5);
    }

    @Test
    void nothingToDrawIsNoPreview() throws Exception {
        assertThat(preview.render(new long[0], new Virtual(1))).isEmpty();
        assertThat(preview.render(new long[]{0}, new Virtual(1))).isEmpty();
    }

    @Test
    void aRealFilesSignalIsReadThroughJhdfSlices() throws Exception {
        Path file = RepoFiles.nexus("psi_sinq/dmc01.h5");
        try (H5File h5 = new JhdfSource().open(file, FileSniffer.sniff(file))) {
            H5Dataset signal = H5Tree.walk(h5.root(), () -> { }).datasets().stream()
                    .filter(d -> d.isNumeric() && d.elementCount() > 1)
                    .filter(d -> {
                        H5Value s = d.attributes().get("signal");
                        return s != null && s.number() != null && s.number() == 1.0;
                    }).findFirst().orElseThrow();
            BufferedImage img = decode(preview.render(signal));
            assertThat(img.getWidth()).isEqualTo((int) Math.min(PlotPreview.SIZE, signal.shape()[signal.shape().length - 1]));
            // something is drawn: not one flat colour
            Set<Integer> colours = new HashSet<>();
            for (int x = 0; x < img.getWidth(); x++) {
                for (int y = 0; y < img.getHeight(); y++) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertThat(colours).hasSizeGreaterThan(1);
        }
    }
}
