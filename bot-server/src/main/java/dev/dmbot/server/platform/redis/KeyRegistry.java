package dev.dmbot.server.platform.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.dmbot.server.system.PersonalData;

/**
 * Every Redis key family of the server, collected from each feature's {@link FeatureKeys}
 * bean: what data deletion walks, what the key table lists with each family's retention,
 * and what the key-coverage test checks every key in Redis against.
 * <p>
 * Refuses to start, naming the family and the fix, when a family states no erasure, when
 * a key under a person's hash tag is not deleted with it (erasure deletes every such
 * key), when a deleted key is not under that tag (erasure would never find it), or when
 * two families share a name.
 */
@Component
public class KeyRegistry {

	private final Map<String, KeyFamily> families = new LinkedHashMap<>();

	private final Map<String, Pattern> patterns = new LinkedHashMap<>();

	public KeyRegistry(List<FeatureKeys> features) {
		for (FeatureKeys feature : features) {
			String declaredIn = feature.getClass().getSimpleName();
			for (KeyFamily family : feature.families()) {
				check(family, declaredIn);
				if (this.families.putIfAbsent(family.id(), family) != null) {
					throw new IllegalStateException(
							"Key family " + family.id() + " is declared twice; the second time in " + declaredIn
									+ ": give each family of a feature its own name");
				}
				this.patterns.put(family.id(), family.pattern());
			}
		}
	}

	private static void check(KeyFamily family, String declaredIn) {
		if (family.erasure() == null) {
			throw new IllegalStateException("Key family " + family.id() + " (" + family.template()
					+ ") says nothing of erasure: in " + declaredIn + ", add .erased(…) to its declaration: "
					+ "Erasure.deleteKey() for a key under the person's hash tag " + KeyFamily.PERSON_TAG + "…, "
					+ "Erasure.by(YourPersonalData.class) for a shared key a PersonalData bean of the feature cleans, "
					+ "Erasure.shortLived(\"why\") for data that expires within days, "
					+ "or Erasure.notPersonal() if it holds nothing about a person");
		}
		boolean deleted = family.erasure().kind() == Erasure.Kind.DELETE_KEY;
		if (family.underPersonTag() && !deleted) {
			throw new IllegalStateException("Key family " + family.id() + " (" + family.template()
					+ ") is under the person's hash tag, where erasure deletes every key, but says "
					+ family.erasure().describe() + ": in " + declaredIn + ", erase it with Erasure.deleteKey()");
		}
		if (deleted && !family.underPersonTag()) {
			throw new IllegalStateException("Key family " + family.id() + " (" + family.template()
					+ ") is to be deleted with the person, but erasure only finds keys starting with "
					+ KeyFamily.PERSON_TAG + ": in " + declaredIn
					+ ", move the key under that hash tag or erase it with Erasure.by(YourPersonalData.class)");
		}
	}

	/** Every family, feature by feature, in declaration order. */
	public List<KeyFamily> families() {
		return List.copyOf(this.families.values());
	}

	/** The families that may hold something about a person. */
	public List<KeyFamily> personal() {
		return this.families.values().stream().filter((family) -> family.erasure().personal()).toList();
	}

	/**
	 * The erase steps the families name, each once, in declaration order: the
	 * {@link PersonalData} beans erasure must call.
	 */
	public Set<Class<? extends PersonalData>> erasureSteps() {
		Set<Class<? extends PersonalData>> steps = new LinkedHashSet<>();
		for (KeyFamily family : this.families.values()) {
			if (family.erasure().step() != null) {
				steps.add(family.erasure().step());
			}
		}
		return steps;
	}

	/** The family a key belongs to, if any family's template matches it. */
	public Optional<KeyFamily> familyOf(String key) {
		for (Map.Entry<String, Pattern> entry : this.patterns.entrySet()) {
			if (entry.getValue().matcher(key).matches()) {
				return Optional.of(this.families.get(entry.getKey()));
			}
		}
		return Optional.empty();
	}

	/**
	 * Every family whose template matches the key (one, when the templates are sound).
	 */
	public List<KeyFamily> familiesOf(String key) {
		List<KeyFamily> found = new ArrayList<>();
		this.patterns.forEach((id, pattern) -> {
			if (pattern.matcher(key).matches()) {
				found.add(this.families.get(id));
			}
		});
		return found;
	}

}
