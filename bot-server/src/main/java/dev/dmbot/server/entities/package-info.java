/**
 * Pure parsers for the entities customers write in DMs, in English, Portuguese and
 * Spanish: e-mail addresses ({@link dev.dmbot.server.entities.EmailParser}), phone
 * numbers in E.164 ({@link dev.dmbot.server.entities.PhoneParser}), amounts of money
 * ({@link dev.dmbot.server.entities.MoneyParser}), dates
 * ({@link dev.dmbot.server.entities.DateParser}) and whole numbers
 * ({@link dev.dmbot.server.entities.NumberParser}), and one façade over them
 * ({@link dev.dmbot.server.entities.Entities}).
 * <p>
 * Each parser offers {@code findAll} (every entity in a message, with where it was
 * written), {@code parse} (the first one) and {@code validate} (an answer to a question,
 * or why it is refused). No parser throws on any input, however long or odd: it returns
 * nothing instead. Each looks at the first 20,000 characters only, uses regular
 * expressions whose every repetition is bounded or unambiguous (no catastrophic
 * backtracking), and is immutable, so one instance serves every thread. The package
 * depends on no other package of the server, nor on Spring.
 */
package dev.dmbot.server.entities;
