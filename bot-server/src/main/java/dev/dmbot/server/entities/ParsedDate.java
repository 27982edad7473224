package dev.dmbot.server.entities;

import java.time.LocalDate;

/**
 * A calendar date read from a message.
 *
 * @param date the date in the parser's zone
 * @param approximate whether the customer named a period rather than a day ("next month",
 * "this weekend", "in 2 weeks", "asap"): {@code date} is then the first day of that
 * period, or today for "asap"
 */
public record ParsedDate(LocalDate date, boolean approximate) {

}
