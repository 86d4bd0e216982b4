package io.aperture.harvester;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.testsupport.RepoFiles;
import io.aperture.record.RecordJson;
import io.aperture.record.RecordSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema must bite: a real record passes, and each broken variant of it fails. */
class RecordSchemaTest {

    private ObjectNode validRecord() throws Exception {
        var records = new NexusHarvester(HarvestConfig.defaults()).harvest(RepoFiles.nexus("nxmx/dls_i03_therm_6_2.nxs"));
        ObjectMapper m = RecordJson.mapper();
        return (ObjectNode) m.readTree(m.writeValueAsString(records.getFirst()));
    }

    @Test
    void realRecordPasses() throws Exception {
        assertThat(RecordSchema.check(validRecord())).isEmpty();
    }

    @Test
    void brokenRecordsFail() throws Exception {
        ObjectNode noTitle = validRecord();
        noTitle.remove("title");
        assertThat(RecordSchema.check(noTitle)).isNotEmpty();

        ObjectNode badKind = validRecord();
        badKind.put("kind", "REDUCED");
        assertThat(RecordSchema.check(badKind)).isNotEmpty();

        ObjectNode localTime = validRecord();
        localTime.put("producedAt", "2019-02-14T14:26:24");
        assertThat(RecordSchema.check(localTime)).isNotEmpty();

        ObjectNode relativePath = validRecord();
        ((ObjectNode) relativePath.get("source")).put("path", "nxmx/file.nxs");
        assertThat(RecordSchema.check(relativePath)).isNotEmpty();

        ObjectNode badParam = validRecord();
        ((ObjectNode) badParam.get("parameters").get(2)).put("siValue", "not a number");
        assertThat(RecordSchema.check(badParam)).isNotEmpty();

        ObjectNode badRole = validRecord();
        ((ObjectNode) badRole.get("files").get(0)).put("role", "DATA");
        assertThat(RecordSchema.check(badRole)).isNotEmpty();

        ObjectNode wrongVersion = validRecord();
        wrongVersion.put("formatVersion", 2);
        assertThat(RecordSchema.check(wrongVersion)).isNotEmpty();
    }
}
