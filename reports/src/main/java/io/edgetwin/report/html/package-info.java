/**
 * report.html: {@link io.edgetwin.report.html.ReportHtml} renders one self-contained page with
 * inline SVG charts ({@code LineChart}) of latency, resources, throttling and thrashing, and tables
 * of components, events and fleet status.
 */
package io.edgetwin.report.html;
