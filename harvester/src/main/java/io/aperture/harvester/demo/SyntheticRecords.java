package io.aperture.harvester.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.record.Definition;
import io.aperture.record.FileRef;
import io.aperture.record.HarvestRecord;
import io.aperture.record.Identity;
import io.aperture.record.Instrument;
import io.aperture.record.Parameter;
import io.aperture.record.Program;
import io.aperture.record.RecordJson;
import io.aperture.record.Sample;
import io.aperture.record.SourceInfo;
import io.aperture.record.SourceRef;
import io.aperture.record.Technique;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic harvester records (format version 1, docs/record-format.md) for the catalogue benchmarks
 * and the demo catalogue of {@code ./aperture start} ({@code harvest demo}). For one seed, record {@code i} is always
 * the same record: a run can be repeated, and re-sending a record is an UNCHANGED ingest. The shape follows what the harvester writes for Diamond-style NeXus files:
 *
 * <ul>
 *   <li>100 scans per visit for the benchmarks (10 for the demo, so that a few thousand records span many proposals),
 *       4 visits per proposal; the proposal fixes the beamline and the year (2015–2026), so
 *       instruments, techniques and years vary across the catalogue but agree within a visit;</li>
 *   <li>12 beamlines, each with its PaNET technique(s) and typical parameter ranges;</li>
 *   <li>10–13 parameters per record, numeric ones with the unit as written and its SI value (Å, mm, keV, GeV, mA,
 *       K or °C, s or ms, deg, mbar), plus the key text fields the harvester copies (title, definition, times);</li>
 *   <li>a master file plus 1–4 external-link data files, some of them missing;</li>
 *   <li>one sample per visit and material (40 materials), 10 % processed datasets (xia2, savu, dawn).</li>
 * </ul>
 *
 * The SQL generator for the search benchmark (bench/catalogue/generate.sql) follows the same vocabulary and
 * distributions. Records are built from the shared record types (module {@code record/}) and written by
 * {@link RecordJson}, as the harvester writes them. Demo records are labelled: titles start with "Synthetic:", paths
 * with {@code /synthetic/}, so that no one takes them for data.
 *
 * @param seed          0 gives the benchmarks' records; another seed another catalogue of the same shape
 * @param scansPerVisit records per visit
 * @param labelled      whether titles and paths say the record is synthetic
 */
public record SyntheticRecords(long seed, int scansPerVisit, boolean labelled) {
    /** The benchmarks' records, unchanged since they were first measured. */
    public static final SyntheticRecords BENCHMARK = new SyntheticRecords(0, 100, false);
    static final String[] BEAMLINES = {"i03", "i04", "i24", "i22", "i13", "i12", "i11", "b18", "i18", "i05", "i07", "i08"};
    /** PaNET technique per beamline, as the harvester's beamline rules would assign them. */
    static final String[][] TECHNIQUES = {
            {"PaNET01164", "macromolecular crystallography"}, {"PaNET01164", "macromolecular crystallography"},
            {"PaNET01164", "macromolecular crystallography"}, {"PaNET01124", "small angle scattering"},
            {"PaNET01129", "tomography"}, {"PaNET01129", "tomography"}, {"PaNET01030", "powder diffraction"},
            {"PaNET01196", "x-ray absorption spectroscopy"}, {"PaNET01177", "x-ray fluorescence"},
            {"PaNET01089", "angle resolved photoemission spectroscopy"}, {"PaNET01121", "reflectometry"},
            {"PaNET01219", "scanning transmission x-ray microscopy"}};
    static final String[] DEFINITIONS = {"NXmx", "NXmx", "NXmx", "NXsas", "NXtomo", "NXtomo", "NXxbase", "NXxas",
            "NXfluo", "NXarpes", "NXrefscan", "NXstxm"};
    static final String[][] MATERIALS = {
            {"lysozyme", null}, {"thaumatin", null}, {"insulin", null}, {"proteinase K", null}, {"thermolysin", null},
            {"hen egg white lysozyme", null}, {"glucose isomerase", null}, {"trypsin", null}, {"myoglobin", null},
            {"ferritin", null}, {"silicon wafer", "Si"}, {"lithium iron phosphate", "LiFePO4"},
            {"titanium dioxide", "TiO2"}, {"zinc oxide", "ZnO"}, {"copper foil", "Cu"}, {"iron oxide", "Fe2O3"},
            {"cerium oxide", "CeO2"}, {"silver behenate", "C22H43AgO2"}, {"glassy carbon", "C"},
            {"graphene on SiC", "C"}, {"bismuth selenide", "Bi2Se3"}, {"strontium titanate", "SrTiO3"},
            {"perovskite film", "CH3NH3PbI3"}, {"lithium cobalt oxide", "LiCoO2"}, {"nickel catalyst", "Ni"},
            {"platinum nanoparticles", "Pt"}, {"zeolite ZSM-5", null}, {"metal organic framework", null},
            {"bone sample", null}, {"limestone core", "CaCO3"}, {"sandstone core", "SiO2"}, {"polymer blend", null},
            {"block copolymer", null}, {"cellulose fibres", null}, {"lipid bilayer", null}, {"micelle solution", null},
            {"steel weld", "Fe"}, {"aluminium alloy", "Al"}, {"battery cathode", null}, {"meteorite fragment", null}};
    static final String[] PROCESSORS = {"xia2", "savu", "dawn"};

    private static final ObjectMapper JSON = RecordJson.mapper();
    static final int VISITS_PER_PROPOSAL = 4;

    public SyntheticRecords {
        if (scansPerVisit < 1) {
            throw new IllegalArgumentException("scansPerVisit must be positive");
        }
    }

    /** The proposal record {@code i} belongs to (0, 1, ...). */
    public int proposalIndex(long i) {
        return (int) (i / ((long) scansPerVisit * VISITS_PER_PROPOSAL));
    }

    /** The proposal's code in the records and in the user office. */
    public String proposalCode(int proposal) {
        return (labelled ? "syn" : "cm") + (20000 + proposal);
    }

    public static int beamlineIndex(int proposal) {
        return Math.floorMod(proposal * 7 + 3, BEAMLINES.length);
    }

    public static int year(int proposal) {
        return 2015 + Math.floorMod(proposal * 5, 12);
    }

    /** The JSON of record {@code i}. */
    public String json(long i) {
        try {
            return JSON.writeValueAsString(record(i));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Record {@code i}. */
    public HarvestRecord record(long i) {
        SplittableRandom rnd = new SplittableRandom(0x5eed_0000L + i + seed * 0x1_0000_0000L);
        int p = proposalIndex(i);
        int visitNo = (int) ((i / scansPerVisit) % VISITS_PER_PROPOSAL) + 1;
        int bl = beamlineIndex(p);
        String beamline = BEAMLINES[bl];
        int year = year(p);
        String proposal = proposalCode(p);
        String visit = proposal + "-" + visitNo;
        long scan = 100000 + i;
        // visits spread over the year; scans a few minutes apart within the visit; nothing after 2026-11-01
        Instant visitStart = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC)
                .plus(Duration.ofDays(Math.floorMod(p * 37 + visitNo * 11, year == 2026 ? 300 : 360)));
        Instant start = visitStart.plusSeconds((i % scansPerVisit) * 300 + rnd.nextInt(60));
        Instant end = start.plusSeconds(20 + rnd.nextInt(240));
        boolean processed = rnd.nextInt(10) == 0;
        String[] material = MATERIALS[Math.floorMod(p * 13 + visitNo, MATERIALS.length)];
        String sampleName = material[0] + " " + (char) ('A' + visitNo - 1);
        String dir = (labelled ? "/synthetic/dls/" : "/dls/") + beamline + "/data/" + year + "/" + visit + "/";
        String master = dir + (processed ? "processing/" : "") + beamline + "-" + scan + (processed ? "-processed" : "") + ".nxs";
        String[] tech = TECHNIQUES[bl];
        String what = switch (tech[1]) {
            case "macromolecular crystallography" -> "rotation " + (rnd.nextInt(4) == 0 ? "360" : "180") + " deg";
            case "small angle scattering" -> "SAXS/WAXS frames " + (10 + rnd.nextInt(200));
            case "tomography" -> "tomography " + (900 + rnd.nextInt(3) * 900) + " projections";
            case "powder diffraction" -> "powder pattern MAC detectors";
            case "x-ray absorption spectroscopy" -> "XANES edge scan";
            case "x-ray fluorescence" -> "fluorescence map";
            case "angle resolved photoemission spectroscopy" -> "ARPES Fermi surface map";
            case "reflectometry" -> "reflectivity curve";
            default -> "STXM stack";
        };
        String title = (labelled ? "Synthetic: " : "") + (processed ? "Reduced: " : "") + sampleName + " " + what + " scan " + scan;
        long masterSize = 20_000 + rnd.nextInt(2_000_000);

        Program program = processed
                ? new Program(PROCESSORS[rnd.nextInt(PROCESSORS.length)], (1 + rnd.nextInt(3)) + "." + rnd.nextInt(20))
                : new Program("GDA", "9." + (20 + (year - 2015) * 2) + ".0");
        String instrumentName = beamline.toUpperCase(Locale.ROOT);
        Instrument instrument = new Instrument(instrumentName, instrumentName,
                new SourceInfo("Diamond Light Source", "DLS", "Synchrotron X-ray Source", null, null, null),
                null, null, null, null, null, null);
        Sample sample = new Sample(sampleName, material[1], null, null, null, null);

        List<Parameter> params = new ArrayList<>();
        double energyKeV = tech[1].equals("x-ray absorption spectroscopy") ? 7.0 + rnd.nextDouble() * 2.5
                : tech[1].contains("photoemission") ? 0.02 + rnd.nextDouble() * 0.2 : 6.0 + rnd.nextDouble() * 19.0;
        double wavelengthA = 12.398419843320026 / energyKeV;
        params.add(param("/entry/instrument/beam/incident_wavelength", wavelengthA, "angstrom", wavelengthA * 1e-10, "m"));
        params.add(param("/entry/instrument/monochromator/energy", energyKeV, "keV", energyKeV * 1.602176634e-16, "J"));
        params.add(param("/entry/instrument/source/energy", 3.0, "GeV", 3.0 * 1.602176634e-10, "J"));
        double current = 280 + rnd.nextDouble() * 22;
        params.add(param("/entry/instrument/source/current", current, "mA", current / 1000, "A"));
        double distMm = 120 + rnd.nextDouble() * 680;
        params.add(param("/entry/instrument/detector/distance", distMm, "mm", distMm / 1000, "m"));
        if (rnd.nextBoolean()) {
            double ms = 1 + rnd.nextInt(1000);
            params.add(param("/entry/instrument/detector/count_time", ms, "ms", ms / 1000, "s"));
        } else {
            double sec = 0.001 + rnd.nextDouble();
            params.add(param("/entry/instrument/detector/count_time", sec, "s", sec, "s"));
        }
        if (tech[1].equals("macromolecular crystallography") || rnd.nextInt(3) == 0) {
            double k = tech[1].equals("macromolecular crystallography") ? 100 + rnd.nextDouble() * 2 : 80 + rnd.nextDouble() * 320;
            params.add(param("/entry/sample/temperature", k, "K", k, "K"));
        } else {
            double c = 15 + rnd.nextDouble() * 80;
            params.add(param("/entry/sample/temperature", c, "celsius", c + 273.15, "K"));
        }
        double omega = rnd.nextDouble() * 360;
        params.add(param("/entry/sample/transformations/omega@offset", omega, "deg", Math.toRadians(omega), "rad"));
        double pressure = 1e-6 + rnd.nextDouble() * 1013;
        params.add(param("/entry/sample/pressure", pressure, "mbar", pressure * 100, "Pa"));
        params.add(new Parameter("/entry/instrument/detector/x_pixel_size", rnd.nextBoolean() ? 75.0 : 172.0, null,
                "pixels", null, null, false));
        for (String[] t : new String[][]{{"title", title}, {"definition", DEFINITIONS[bl]}, {"start_time", start.toString()},
                {"end_time", end.toString()}}) {
            params.add(new Parameter("/entry/" + t[0], null, t[1], null, null, null, null));
        }

        List<FileRef> files = new ArrayList<>();
        files.add(new FileRef(master, FileRef.Role.MASTER, masterSize, end.plusSeconds(5), false, null, null));
        int links = 1 + rnd.nextInt(4);
        for (int k = 1; k <= links; k++) {
            boolean missing = rnd.nextInt(20) == 0;
            files.add(new FileRef(dir + beamline + "-" + scan + "-data_" + String.format("%06d", k) + ".h5",
                    FileRef.Role.EXTERNAL_LINK, missing ? null : 1_000_000_000L + rnd.nextLong(9_000_000_000L),
                    missing ? null : end, missing, null, "/entry/data/data_" + String.format("%06d", k)));
        }
        List<String> derivedFrom = processed ? List.of(dir + beamline + "-" + (scan - 1) + ".nxs#entry") : null;

        return new HarvestRecord(HarvestRecord.FORMAT_VERSION, "DLS",
                new SourceRef(master, "entry", masterSize, end.plusSeconds(5), null),
                new Identity(null, null, null, proposal, visit, Long.toString(scan), beamline),
                title, processed ? HarvestRecord.Kind.PROCESSED : HarvestRecord.Kind.RAW, start, end, end, program,
                new Definition(DEFINITIONS[bl], null, "/entry/definition"), instrument, sample, null,
                List.of(new Technique("http://purl.org/pan-science/PaNET/" + tech[0], tech[1])), params, null,
                derivedFrom, null, null, files, null, List.of());
    }

    private static Parameter param(String name, double value, String unit, double si, String siUnit) {
        return new Parameter(name, value, null, unit, si, siUnit, true);
    }
}
