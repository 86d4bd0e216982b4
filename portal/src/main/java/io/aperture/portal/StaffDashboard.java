package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.archive.ArchiveStatistics;
import io.aperture.catalogue.embargo.EmbargoQueries;
import io.aperture.catalogue.harvest.HarvestHealthOverview;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Where staff land after logging in: what waits for them, and the archive in figures (server-side SVG charts of
 * {@link ArchiveStatistics}, every value written out), with the datasets no one can extend or release flagged.
 */
@Path("/staff")
@RolesAllowed("staff")
@Produces(MediaType.TEXT_HTML)
public class StaffDashboard {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(long pending, ArchiveStatistics.Summary archive, List<BarChart> charts,
                                                 String totalVolume, HarvestHealthOverview.Overview health, String user);
    }

    private final EmbargoQueries queries;
    private final ArchiveStatistics statistics;
    private final AccessControl access;
    private final HarvestHealthOverview harvestHealth;

    StaffDashboard(EmbargoQueries queries, ArchiveStatistics statistics, AccessControl access,
                   HarvestHealthOverview harvestHealth) {
        this.harvestHealth = harvestHealth;
        this.queries = queries;
        this.statistics = statistics;
        this.access = access;
    }

    @GET
    @Transactional
    public TemplateInstance dashboard() {
        ArchiveStatistics.Summary s = statistics.summary();
        List<BarChart> charts = List.of(
                counts("per-year", "Datasets per year of production", s.byYear()),
                volume("volume-per-year", "Volume per year of production", s.byYear()),
                counts("per-instrument", "Datasets per beamline or instrument", s.byInstrument()),
                volume("volume-per-instrument", "Volume per beamline or instrument", s.byInstrument()),
                counts("per-technique", "Datasets per technique", s.byTechnique()),
                volume("volume-per-technique", "Volume per technique", s.byTechnique()),
                counts("released", "Datasets released per month (last 12 months)", s.releasedByMonth()),
                counts("forecast", "Release forecast: embargoes ending per month (next 12 months)", s.forecastByMonth()));
        // the policy decides who sees the harvest health; null leaves the section out
        HarvestHealthOverview.Overview health = access.mayReviewHarvestHealth() ? harvestHealth.read() : null;
        return Templates.dashboard(queries.countPending(), s, charts, BarChart.bytes(s.bytes()), health,
                access.caller().username().orElse(null));
    }

    private static BarChart counts(String id, String title, List<ArchiveStatistics.Group> groups) {
        return BarChart.of(id, title, groups, ArchiveStatistics.Group::label, ArchiveStatistics.Group::datasets, BarChart::count);
    }

    private static BarChart volume(String id, String title, List<ArchiveStatistics.Group> groups) {
        return BarChart.of(id, title, groups, ArchiveStatistics.Group::label, ArchiveStatistics.Group::bytes, BarChart::bytes);
    }
}
