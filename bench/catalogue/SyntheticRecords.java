import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic harvester records (format version 1, docs/record-format.md) for the catalogue
 * benchmarks. Record {@code i} is always the same record: a run can be repeated, and re-sending a record is an
 * UNCHANGED ingest. The shape follows what the harvester writes for Diamond-style NeXus files:
 *
 * <ul>
 *   <li>100 scans per visit, 4 visits per proposal; the proposal fixes the beamline and the year (2015–2026), so
 *       instruments, techniques and years vary across the catalogue but agree within a visit;</li>
 *   <li>12 beamlines, each with its PaNET technique(s) and typical parameter ranges;</li>
 *   <li>10–13 parameters per record, numeric ones with the unit as written and its SI value (Å, mm, keV, GeV, mA,
 *       K or °C, s or ms, deg, mbar), plus the key text fields the harvester copies (title, definition, times);</li>
 *   <li>a master file plus 1–4 external-link data files, some of them missing;</li>
 *   <li>one sample per visit and material (40 materials), 10 % processed datasets (xia2, savu, dawn).</li>
 * </ul>
 *
 * The SQL generator for the search benchmark (generate-1m.sql) follows the same vocabulary and distributions.
 */
public final class SyntheticRecords {
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

    static final int SCANS_PER_VISIT = 100;
    static final int VISITS_PER_PROPOSAL = 4;

    private SyntheticRecords() {
    }

    static int proposalIndex(long i) {
        return (int) (i / (SCANS_PER_VISIT * VISITS_PER_PROPOSAL));
    }

    static int beamlineIndex(int proposal) {
        return Math.floorMod(proposal * 7 + 3, BEAMLINES.length);
    }

    static int year(int proposal) {
        return 2015 + Math.floorMod(proposal * 5, 12);
    }

    /** The JSON of record {@code i}. */
    public static String record(long i) {
        SplittableRandom rnd = new SplittableRandom(0x5eed_0000L + i);
        int p = proposalIndex(i);
        int visitNo = (int) ((i / SCANS_PER_VISIT) % VISITS_PER_PROPOSAL) + 1;
        int bl = beamlineIndex(p);
        String beamline = BEAMLINES[bl];
        int year = year(p);
        String proposal = "cm" + (20000 + p);
        String visit = proposal + "-" + visitNo;
        long scan = 100000 + i;
        // visits spread over the year; scans a few minutes apart within the visit; nothing after 2026-11-01
        Instant visitStart = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC)
                .plus(Duration.ofDays(Math.floorMod(p * 37 + visitNo * 11, year == 2026 ? 300 : 360)));
        Instant start = visitStart.plusSeconds((i % SCANS_PER_VISIT) * 300 + rnd.nextInt(60));
        Instant end = start.plusSeconds(20 + rnd.nextInt(240));
        boolean processed = rnd.nextInt(10) == 0;
        String[] material = MATERIALS[Math.floorMod(p * 13 + visitNo, MATERIALS.length)];
        String sampleName = material[0] + " " + (char) ('A' + visitNo - 1);
        String dir = "/dls/" + beamline + "/data/" + year + "/" + visit + "/";
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
        String title = (processed ? "Reduced: " : "") + sampleName + " " + what + " scan " + scan;
        long masterSize = 20_000 + rnd.nextInt(2_000_000);

        StringBuilder j = new StringBuilder(4096);
        j.append("{\"formatVersion\":1,\"facility\":\"DLS\",\"source\":{\"path\":").append(q(master))
                .append(",\"entry\":\"entry\",\"size\":").append(masterSize).append(",\"modified\":").append(q(end.plusSeconds(5)))
                .append("},\"identity\":{\"visit\":").append(q(visit)).append(",\"proposal\":").append(q(proposal))
                .append(",\"scanNumber\":").append(q(Long.toString(scan))).append(",\"beamline\":").append(q(beamline)).append('}')
                .append(",\"title\":").append(q(title)).append(",\"kind\":").append(q(processed ? "PROCESSED" : "RAW"))
                .append(",\"startTime\":").append(q(start)).append(",\"endTime\":").append(q(end))
                .append(",\"producedAt\":").append(q(end));
        if (processed) {
            String prog = PROCESSORS[rnd.nextInt(PROCESSORS.length)];
            j.append(",\"program\":{\"name\":").append(q(prog)).append(",\"version\":\"").append(1 + rnd.nextInt(3)).append('.')
                    .append(rnd.nextInt(20)).append("\"}");
        } else {
            j.append(",\"program\":{\"name\":\"GDA\",\"version\":\"9.").append(20 + (year - 2015) * 2).append(".0\"}");
        }
        j.append(",\"definition\":{\"name\":").append(q(DEFINITIONS[bl])).append(",\"path\":\"/entry/definition\"}")
                .append(",\"instrument\":{\"name\":").append(q(beamline.toUpperCase(Locale.ROOT)))
                .append(",\"shortName\":").append(q(beamline.toUpperCase(Locale.ROOT)))
                .append(",\"source\":{\"name\":\"Diamond Light Source\",\"shortName\":\"DLS\",\"type\":\"Synchrotron X-ray Source\"}}");
        j.append(",\"sample\":{\"name\":").append(q(sampleName));
        if (material[1] != null) {
            j.append(",\"chemicalFormula\":").append(q(material[1]));
        }
        j.append("},\"techniques\":[{\"iri\":\"http://purl.org/pan-science/PaNET/").append(tech[0]).append("\",\"label\":")
                .append(q(tech[1])).append("}]");

        j.append(",\"parameters\":[");
        double energyKeV = tech[1].equals("x-ray absorption spectroscopy") ? 7.0 + rnd.nextDouble() * 2.5
                : tech[1].contains("photoemission") ? 0.02 + rnd.nextDouble() * 0.2 : 6.0 + rnd.nextDouble() * 19.0;
        double wavelengthA = 12.398419843320026 / energyKeV;
        param(j, "/entry/instrument/beam/incident_wavelength", wavelengthA, "angstrom", wavelengthA * 1e-10, "m");
        j.append(',');
        param(j, "/entry/instrument/monochromator/energy", energyKeV, "keV", energyKeV * 1.602176634e-16, "J");
        j.append(',');
        param(j, "/entry/instrument/source/energy", 3.0, "GeV", 3.0 * 1.602176634e-10, "J");
        j.append(',');
        double current = 280 + rnd.nextDouble() * 22;
        param(j, "/entry/instrument/source/current", current, "mA", current / 1000, "A");
        j.append(',');
        double distMm = 120 + rnd.nextDouble() * 680;
        param(j, "/entry/instrument/detector/distance", distMm, "mm", distMm / 1000, "m");
        j.append(',');
        if (rnd.nextBoolean()) {
            double ms = 1 + rnd.nextInt(1000);
            param(j, "/entry/instrument/detector/count_time", ms, "ms", ms / 1000, "s");
        } else {
            double s = 0.001 + rnd.nextDouble();
            param(j, "/entry/instrument/detector/count_time", s, "s", s, "s");
        }
        j.append(',');
        if (tech[1].equals("macromolecular crystallography") || rnd.nextInt(3) == 0) {
            double k = tech[1].equals("macromolecular crystallography") ? 100 + rnd.nextDouble() * 2 : 80 + rnd.nextDouble() * 320;
            param(j, "/entry/sample/temperature", k, "K", k, "K");
        } else {
            double c = 15 + rnd.nextDouble() * 80;
            param(j, "/entry/sample/temperature", c, "celsius", c + 273.15, "K");
        }
        j.append(',');
        double omega = rnd.nextDouble() * 360;
        param(j, "/entry/sample/transformations/omega@offset", omega, "deg", Math.toRadians(omega), "rad");
        j.append(',');
        double pressure = 1e-6 + rnd.nextDouble() * 1013;
        param(j, "/entry/sample/pressure", pressure, "mbar", pressure * 100, "Pa");
        j.append(',');
        j.append("{\"name\":\"/entry/instrument/detector/x_pixel_size\",\"value\":").append(rnd.nextBoolean() ? 75 : 172)
                .append(",\"unit\":\"pixels\",\"unitKnown\":false}");
        for (String[] t : new String[][]{{"title", title}, {"definition", DEFINITIONS[bl]}, {"start_time", start.toString()},
                {"end_time", end.toString()}}) {
            j.append(",{\"name\":").append(q("/entry/" + t[0])).append(",\"text\":").append(q(t[1])).append('}');
        }
        j.append(']');

        j.append(",\"files\":[{\"path\":").append(q(master)).append(",\"role\":\"MASTER\",\"size\":").append(masterSize)
                .append(",\"modified\":").append(q(end.plusSeconds(5))).append(",\"missing\":false}");
        int links = 1 + rnd.nextInt(4);
        for (int k = 1; k <= links; k++) {
            boolean missing = rnd.nextInt(20) == 0;
            j.append(",{\"path\":").append(q(dir + beamline + "-" + scan + "-data_" + String.format("%06d", k) + ".h5"))
                    .append(",\"role\":\"EXTERNAL_LINK\"");
            if (!missing) {
                j.append(",\"size\":").append(1_000_000_000L + rnd.nextLong(9_000_000_000L)).append(",\"modified\":").append(q(end));
            }
            j.append(",\"missing\":").append(missing).append(",\"linkedFrom\":\"/entry/data/data_").append(String.format("%06d", k)).append("\"}");
        }
        j.append(']');
        if (processed) {
            j.append(",\"derivedFrom\":[").append(q(dir + beamline + "-" + (scan - 1) + ".nxs#entry")).append(']');
        }
        j.append(",\"warnings\":[]}");
        return j.toString();
    }

    private static void param(StringBuilder j, String name, double value, String unit, double si, String siUnit) {
        j.append("{\"name\":").append(q(name)).append(",\"value\":").append(value).append(",\"unit\":").append(q(unit))
                .append(",\"siValue\":").append(si).append(",\"siUnit\":").append(q(siUnit)).append(",\"unitKnown\":true}");
    }

    private static String q(Object o) {
        String s = o.toString();
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
