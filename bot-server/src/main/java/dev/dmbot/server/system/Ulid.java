package dev.dmbot.server.system;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * ULIDs: 48 bits of milliseconds then 80 random bits in Crockford base32, 26 characters
 * that sort by creation time as text. Leads and escalations are named by them.
 */
public final class Ulid {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ulid() {
	}

	public static String next(Instant now) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		return of(now.toEpochMilli(), random);
	}

	public static String of(long millis, byte[] random) {
		char[] id = new char[26];
		long time = millis;
		for (int i = 9; i >= 0; i--) {
			id[i] = ALPHABET[(int) (time & 31)];
			time >>>= 5;
		}
		// 80 random bits: two groups of 40 bits, 8 characters each.
		long high = 0;
		long low = 0;
		for (int i = 0; i < 5; i++) {
			high = (high << 8) | (random[i] & 0xFF);
			low = (low << 8) | (random[i + 5] & 0xFF);
		}
		for (int i = 17; i >= 10; i--) {
			id[i] = ALPHABET[(int) (high & 31)];
			high >>>= 5;
		}
		for (int i = 25; i >= 18; i--) {
			id[i] = ALPHABET[(int) (low & 31)];
			low >>>= 5;
		}
		return new String(id);
	}

	public static boolean looksValid(String id) {
		if (id == null || id.length() != 26) {
			return false;
		}
		for (char c : id.toCharArray()) {
			if (new String(ALPHABET).indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

}
