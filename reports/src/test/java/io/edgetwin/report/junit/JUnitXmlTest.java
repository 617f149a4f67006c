package io.edgetwin.report.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Report;
import io.edgetwin.report.SampleReports;
import io.edgetwin.report.SyntheticRun;
import io.edgetwin.report.gate.Baseline;
import io.edgetwin.report.gate.Tolerance;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlTest {

    @Test
    void oneSuitePerVariantWithValidityAndEachThresholdAsATestcase() throws Exception {
        Document xml = parse(JUnitXml.render(SampleReports.quickstart()));

        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        assertEquals("quickstart.unlimited", ((Element) suites.item(0)).getAttribute("name"));
        assertEquals(List.of("validity", "threshold: latency.p99 < 50ms", "threshold: errors.rate < 1%"),
                caseNames((Element) suites.item(0)));
        assertEquals(List.of("validity", "threshold: latency.p99 < 50ms"), caseNames((Element) suites.item(1)));
        assertEquals("5", xml.getDocumentElement().getAttribute("tests"));
        assertEquals("1", xml.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void passingThresholdCarriesItsTimeAndActualValueForTrendCharts() throws Exception {
        Document xml = parse(JUnitXml.render(SampleReports.quickstart()));

        Element passed = (Element) xml.getElementsByTagName("testcase").item(4);
        assertEquals("threshold: latency.p99 < 50ms", passed.getAttribute("name"));
        assertEquals(0, passed.getElementsByTagName("failure").getLength());
        assertEquals("0.038500", passed.getAttribute("time"), "a latency's time is the latency, in seconds");
        Element actual = (Element) passed.getElementsByTagName("property").item(0);
        assertEquals("actual", actual.getAttribute("name"));
        assertEquals("38.5", actual.getAttribute("value"));
        Element errors = (Element) xml.getElementsByTagName("testcase").item(2);
        assertEquals("0.000000", errors.getAttribute("time"));
        assertEquals("0.002", ((Element) errors.getElementsByTagName("property").item(0)).getAttribute("value"));
    }

    @Test
    void failedThresholdCarriesExpectedAndActual() throws Exception {
        Document xml = parse(JUnitXml.render(SampleReports.quickstart()));

        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertEquals("threshold", failure.getAttribute("type"));
        assertEquals("expected latency.p99 < 50ms; actual 61.25 ms", failure.getAttribute("message"));
        assertEquals("expected: latency.p99 < 50ms\nactual:   61.25 ms", failure.getTextContent());
    }

    @Test
    void regressionAgainstTheBaselineIsAFailedTestcaseNamingIt() throws Exception {
        Report current = SampleReports.quickstart();
        Report baseline = SampleReports.of("quickstart", Map.of(
                "unlimited", SampleReports.limited(), "limited", SampleReports.limited()));

        Document xml = parse(JUnitXml.render(current,
                Baseline.compare(current, baseline, List.of(Tolerance.parse("latency.p99 +10%")))));

        Element regression = (Element) xml.getElementsByTagName("failure").item(1);
        assertEquals("regression", regression.getAttribute("type"));
        assertEquals("regression 'latency.p99 +10%': was 61.25 ms against a baseline of 38.5 ms; expected at most"
                + " 42.35 ms", regression.getAttribute("message"));
        assertEquals("baseline: latency.p99 +10%", ((Element) regression.getParentNode()).getAttribute("name"));
        assertEquals("2", xml.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void invalidRunFailsItsValidityTestcaseWithTheReasons() throws Exception {
        Document xml = parse(JUnitXml.render(new SyntheticRun(1, 10, 100).report()));

        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertEquals("invalid-run", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").contains("100 answers; p99 needs at least 662"),
                failure.getAttribute("message"));
        assertEquals("validity", ((Element) failure.getParentNode()).getAttribute("name"));
    }

    private static List<String> caseNames(Element suite) {
        List<String> names = new ArrayList<>();
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
