/**
 * The ice breakers and persistent menu Instagram shows around a conversation, as the
 * workbook's Ice breakers &amp; menu sheet says: its reader
 * ({@link dev.dmbot.server.messengerprofile.ProfileSheet}) and the compiled
 * {@link dev.dmbot.server.messengerprofile.MessengerProfile}, which the outbound side
 * pushes to Meta. Not the {@code profile} package, which looks up people's profiles.
 */
package dev.dmbot.server.messengerprofile;
