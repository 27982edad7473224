/**
 * The analysts' workbooks: read once per activation, validated, the decision tables
 * compiled with Drools, stored as versions in Redis and made live on every instance; the
 * Tests sheet, the diff between versions and the reply templates. Imports no feature: a
 * feature contributes its own sheet through
 * {@link dev.dmbot.server.workbook.FeatureSheet} and finds what it compiled with
 * {@link dev.dmbot.server.workbook.CompiledRules#part(Class)}; playing the Tests sheet
 * takes the conversation, so the activation asks for it through
 * {@link dev.dmbot.server.workbook.TestsSheetRunner}.
 */
package dev.dmbot.server.workbook;
