package io.aperture.catalogue.datacite;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class XmlOutTest {

    @Test
    void controlCharactersInTextAndAttributesStillMakeAWellFormedDocument() throws Exception {
        XmlOut out = XmlOut.document();
        out.open("", "root", "urn:x").declare("", "urn:x").attr("a", "x\u0000y\u0007").attr("b", "lone \ud800");
        out.text("NUL\u0000 BEL\u0007 ESC\u001b FFFF\uffff kept: \u00e5\ud83d\ude00\t").close();
        String xml = out.finish();

        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var root = doc.getDocumentElement();
        assertThat(root.getAttribute("a")).isEqualTo("x\ufffdy\ufffd");
        assertThat(root.getAttribute("b")).isEqualTo("lone \ufffd");
        assertThat(root.getTextContent()).isEqualTo("NUL\ufffd BEL\ufffd ESC\ufffd FFFF\ufffd kept: \u00e5\ud83d\ude00\t");
    }
}
