package dev.dmbot.server.workbook;

/**
 * A rules version went live because this instance activated it (a save, an upload, a
 * rollback, or the first start-up of the set), not because it followed another instance.
 * Published after the swap; a listener that fails cannot undo it.
 *
 * @param version the version now live
 * @param rules the version compiled, with what each feature's sheet compiled to (the ice
 * breakers and menu among them)
 */
public record RulesActivated(RuleSetVersion version, CompiledRules rules) {
}
