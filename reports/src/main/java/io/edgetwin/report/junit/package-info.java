/**
 * junit.xml: {@link io.edgetwin.report.junit.JUnitXml} renders a report's validity, thresholds and
 * baseline comparison as JUnit test cases for CI servers.
 */
package io.edgetwin.report.junit;
