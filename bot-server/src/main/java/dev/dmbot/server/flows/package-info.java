/**
 * Lead-qualification flows: questions asked one after another, each answer checked and
 * kept as a slot, until the flow completes with a score, tags and a lead. Analysts write
 * flows in a workbook's {@code Flows} sheet, which
 * {@link dev.dmbot.server.flows.FlowsSheet} reads into
 * {@link dev.dmbot.server.flows.Flows}. {@link dev.dmbot.server.flows.FlowEngine} runs
 * them: it takes a flow, what the customer has answered so far
 * ({@link dev.dmbot.server.flows.FlowMemory}) and the new message, and says what to ask
 * or reply next; {@link dev.dmbot.server.flows.Responder} answers an event with the
 * decision tables and the flows together. No Redis and no clock of its own; depends on
 * {@code workbook} and {@code entities}.
 */
package dev.dmbot.server.flows;
