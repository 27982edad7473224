package dev.dmbot.server.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UlidTest {

	@Test
	void idsAreUlidsThatSortByTime() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			ids.add(Ulid.next(Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L)));
		}

		assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(Ulid::looksValid);
		assertThat(Ulid.of(0, new byte[10])).isEqualTo("0".repeat(26));
		assertThat(Ulid.looksValid("not-an-id")).isFalse();
	}

}
