/**
 * Lead-qualification flows: questions asked one after another, each answer checked and
 * kept as a slot, until the flow completes with a score, tags and a lead. Analysts write
 * flows in a workbook's {@code Flows} sheet; the rules package reads them, and this
 * package runs them: {@link dev.dmbot.server.flows.FlowEngine} takes a flow, what the
 * customer has answered so far ({@link dev.dmbot.server.flows.FlowMemory}) and the new
 * message, and says what to ask or reply next. Pure: no Redis, no Spring, no clock of its
 * own; depends only on {@code entities}.
 */
package dev.dmbot.server.flows;
