package dev.dmbot.server.entities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts of money the way customers write them in English, Portuguese and Spanish:
 * "around 15k", "15 000€", "€2.500", "2,5 mil", "$1,200.50", "1.5M", "10-15k", "under
 * 5000", "entre 10 e 15 mil euros".
 * <p>
 * Separators: when both {@code .} and {@code ,} appear the last one is the decimal
 * separator ("1.200,50" and "1,200.50" are both 1200.50); a single separator followed by
 * exactly three digits groups thousands ("2.500" and "2,500" are 2500), otherwise it is
 * decimal ("2,5" and "2.5" are 2.5). Multipliers: {@code k}, {@code mil},
 * {@code thousand}, {@code M}, {@code million}, {@code milhões}, {@code millones}; a
 * lower-case {@code m} counts as million only beside a currency, since "15m" is usually
 * metres.
 * <p>
 * {@link #findAll} reports a number as money only with evidence: a currency, a
 * multiplier, or a word such as "budget", "orçamento" or "presupuesto" just before it.
 * {@link #parse} and {@link #validate} read an answer to "what's your budget?", so a bare
 * number counts there. Never throws on any input; thread-safe.
 */
public final class MoneyParser {

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/** Larger amounts are refused as typos or jokes. */
	private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

	private static final String APPROXIMATE = "around|about|approx\\.?|approximately|roughly|circa|more or less|"
			+ "cerca de|por volta de|a volta de|aproximadamente|mais ou menos|uns|umas|alrededor de|mas o menos|"
			+ "unos|unas|~";

	private static final String BOUND = "under|below|less than|up to|at most|no more than|maximum|max\\.?|"
			+ "over|above|more than|at least|minimum|min\\.?|ate|menos de|abaixo de|no maximo|mais de|acima de|"
			+ "pelo menos|no minimo|hasta|como maximo|mas de|al menos|como minimo|por debajo de";

	private static final String RANGE = "between|entre|from|de|desde";

	private static final String PREFIX = "r\\$|us\\$|€|\\$|£|eur|usd|gbp|brl";

	private static final String SUFFIX = "€|\\$|£|euros?|eur|usd|dollars?|dolares|dolar|gbp|pounds?|libras?|brl|reais";

	private static final String NUMBER = "\\d{1,3}(?:[., ]\\d{3}){1,4}(?:[.,]\\d{1,2})?|\\d{1,12}(?:[.,]\\d{1,2})?";

	private static final String MULTIPLIER = "thousands?|milhoes|milhao|millones|millon|millions?|mil|mm|k|m";

	private static final String ONE = "(?:(?<pre%1$s>" + PREFIX + ")\\s{0,2})?(?<n%1$s>" + NUMBER
			+ ")(?:\\s{0,2}(?<m%1$s>" + MULTIPLIER + ")(?![a-z]))?(?:\\s{0,2}(?<post%1$s>" + SUFFIX + ")(?![a-z]))?";

	private static final Pattern AMOUNT = Pattern
		.compile("(?<![\\p{L}\\d.,/:])(?:(?<q>" + APPROXIMATE + "|" + BOUND + "|" + RANGE + ")\\s{0,3})?"
				+ String.format(ONE, "1") + "(?:(?:\\s{0,3}-\\s{0,3}|\\s{1,3}(?:to|a|ate|hasta|and|e|y)\\s{1,3})"
				+ String.format(ONE, "2") + ")?" + "(?![\\p{L}\\d]|[.,/:]\\d)");

	private static final Pattern SINGLE = Pattern.compile("(?:(?<q>" + APPROXIMATE + "|" + BOUND + "|" + RANGE
			+ ")\\s{0,3})?" + String.format(ONE, "1") + "(?![\\p{L}\\d]|[.,/:]\\d)");

	private static final Pattern APPROXIMATE_WORD = Pattern.compile(APPROXIMATE + "|" + BOUND);

	private static final Pattern MONEY_CONTEXT = Pattern
		.compile("(?:budget|price|cost|costs|spend|pay|invest|orcamento|preco|custo|gastar|pagar|investir|presupuesto|"
				+ "precio|coste|costo|invertir|valor)[^\\d]{0,25}$");

	private final String defaultCurrency;

	/**
	 * @param defaultCurrency the ISO 4217 code for amounts written without a currency,
	 * such as {@code "EUR"}
	 * @throws IllegalArgumentException when the code is not an ISO 4217 currency
	 */
	public MoneyParser(String defaultCurrency) {
		String code = (defaultCurrency != null) ? defaultCurrency.strip().toUpperCase(Locale.ROOT) : "";
		try {
			Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"default currency must be an ISO 4217 code like EUR, got \"" + defaultCurrency + "\"", ex);
		}
		this.defaultCurrency = code;
	}

	public String defaultCurrency() {
		return this.defaultCurrency;
	}

	/**
	 * The amount in an answer to "what's your budget?", as {@link #validate} picks it; a
	 * bare number counts.
	 */
	public Optional<Money> parse(String answer) {
		return validate(answer).toOptional();
	}

	/**
	 * Checks an answer to "what's your budget?": the first amount in it, or why there is
	 * none.
	 */
	public Validation<Money> validate(String answer) {
		try {
			String text = Folded.bounded(answer);
			if (text.isBlank()) {
				return Validation.rejected("the answer is empty");
			}
			List<Candidate> candidates = scan(text);
			if (candidates.isEmpty()) {
				return Validation.rejected("there is no amount in it");
			}
			// "3 rooms, budget 20k": an amount that is plainly money beats a bare number
			// before it.
			Candidate chosen = candidates.stream()
				.filter((candidate) -> candidate.evident && candidate.problem == null)
				.findFirst()
				.orElse(candidates.get(0));
			return (chosen.problem != null) ? Validation.rejected(chosen.problem)
					: Validation.accepted(chosen.found.value());
		}
		catch (RuntimeException | StackOverflowError ex) {
			return Validation.rejected("it could not be read as an amount");
		}
	}

	/** Every amount in free text that is plainly money, in order. */
	public List<Found<Money>> findAll(String text) {
		try {
			List<Found<Money>> found = new ArrayList<>();
			for (Candidate candidate : scan(Folded.bounded(text))) {
				if (candidate.problem == null && candidate.evident) {
					found.add(candidate.found);
				}
			}
			return found;
		}
		catch (RuntimeException | StackOverflowError ex) {
			return List.of();
		}
	}

	private record Candidate(Found<Money> found, boolean evident, String problem) {
	}

	private List<Candidate> scan(String text) {
		String folded = Folded.fold(text);
		List<Candidate> candidates = new ArrayList<>();
		Matcher matcher = AMOUNT.matcher(folded);
		int from = 0;
		while (from <= folded.length() && matcher.find(from)) {
			Candidate candidate = read(text, folded, matcher, true);
			if (candidate == null) {
				// A range that is not one ("15k e 2 quartos"): read the first amount
				// alone.
				Matcher single = SINGLE.matcher(folded).region(matcher.start(), folded.length());
				candidate = single.lookingAt() ? read(text, folded, single, false) : null;
				from = (candidate != null) ? single.end() : matcher.end();
			}
			else {
				from = matcher.end();
			}
			if (candidate != null) {
				candidates.add(candidate);
			}
			if (from == matcher.start()) {
				from++;
			}
		}
		return candidates;
	}

	private Candidate read(String text, String folded, Matcher m, boolean rangeAllowed) {
		String qualifier = m.group("q");
		BigDecimal first = number(m.group("n1"));
		BigDecimal firstMultiplier = multiplier(text, m, "1");
		String currency = currency(m.group("pre1"), m.group("post1"));
		boolean hasRange = rangeAllowed && m.group("n2") != null;
		BigDecimal max = null;
		if (hasRange) {
			BigDecimal secondMultiplier = multiplier(text, m, "2");
			BigDecimal second = number(m.group("n2"));
			if (firstMultiplier == null) {
				firstMultiplier = secondMultiplier;
			}
			max = scale(second.multiply(orOne(secondMultiplier)));
			String secondCurrency = currency(m.group("pre2"), m.group("post2"));
			if (currency == null) {
				currency = secondCurrency;
			}
		}
		BigDecimal amount = scale(first.multiply(orOne(firstMultiplier)));
		if (hasRange && max.compareTo(amount) <= 0 && m.group("m1") == null) {
			// "500-2k": the multiplier belongs to the upper end only.
			amount = scale(first);
		}
		if (hasRange && max.compareTo(amount) <= 0) {
			return null;
		}
		boolean hasMultiplier = m.group("m1") != null || (hasRange && m.group("m2") != null);
		if (!hasMultiplier && qualifier != null && qualifier.matches(RANGE) && !hasRange
				&& !"entre".equals(qualifier)) {
			// "de 20" or "from 20" without a second amount is no qualifier at all.
			qualifier = null;
		}
		int start = (qualifier != null && !qualifier.matches(RANGE)) ? m.start("q")
				: (m.group("pre1") != null ? m.start("pre1") : m.start("n1"));
		int end = m.end();
		while (end > start && folded.charAt(end - 1) == ' ') {
			end--;
		}
		boolean approximate = qualifier != null && APPROXIMATE_WORD.matcher(qualifier).matches();
		Money money = new Money(amount, (currency != null) ? currency : this.defaultCurrency, max, approximate);
		boolean inContext = MONEY_CONTEXT.matcher(folded.substring(Math.max(0, start - 40), start)).find();
		boolean evident = currency != null || (hasMultiplier && !isBareLowerM(text, m)) || inContext;
		String problem = null;
		if ((hasRange ? max : amount).compareTo(LIMIT) > 0) {
			problem = "the amount is too large";
		}
		else if (amount.signum() == 0 && max == null) {
			problem = "the amount is zero";
		}
		else if (firstMultiplier != null && isBareLowerM(text, m) && currency == null && !inContext) {
			problem = "\"m\" without a currency reads as metres, not millions";
		}
		return new Candidate(new Found<>(money, start, end, text.substring(start, end)), evident, problem);
	}

	private static boolean isBareLowerM(String text, Matcher m) {
		for (String which : new String[] { "1", "2" }) {
			if (m.pattern() == SINGLE && "2".equals(which)) {
				continue;
			}
			if (m.group("m" + which) != null && "m".equals(text.substring(m.start("m" + which), m.end("m" + which)))) {
				return true;
			}
		}
		return false;
	}

	private static BigDecimal orOne(BigDecimal multiplier) {
		return (multiplier != null) ? multiplier : BigDecimal.ONE;
	}

	private static BigDecimal multiplier(String text, Matcher m, String which) {
		if (m.pattern() == SINGLE && "2".equals(which)) {
			return null;
		}
		String word = m.group("m" + which);
		if (word == null) {
			return null;
		}
		if (word.equals("k") || word.startsWith("thousand") || word.equals("mil")) {
			return THOUSAND;
		}
		return MILLION;
	}

	private static String currency(String prefix, String suffix) {
		String symbol = (prefix != null) ? prefix : suffix;
		if (symbol == null) {
			return null;
		}
		if (symbol.equals("r$") || symbol.equals("brl") || symbol.equals("reais")) {
			return "BRL";
		}
		if (symbol.contains("$") || symbol.startsWith("dol") || symbol.equals("usd")) {
			return "USD";
		}
		if (symbol.equals("£") || symbol.equals("gbp") || symbol.startsWith("pound") || symbol.startsWith("libra")) {
			return "GBP";
		}
		return "EUR";
	}

	/**
	 * Reads "2.500", "1,200.50", "15 000", "2,5" with the separator rules in the class
	 * comment.
	 */
	static BigDecimal number(String written) {
		String digits = written.replace(" ", "");
		int dot = digits.lastIndexOf('.');
		int comma = digits.lastIndexOf(',');
		if (dot >= 0 && comma >= 0) {
			char decimal = (dot > comma) ? '.' : ',';
			char grouping = (dot > comma) ? ',' : '.';
			digits = digits.replace(String.valueOf(grouping), "").replace(decimal, '.');
		}
		else if (dot >= 0 || comma >= 0) {
			char separator = (dot >= 0) ? '.' : ',';
			int last = Math.max(dot, comma);
			boolean single = digits.indexOf(separator) == last;
			if (!single || digits.length() - last - 1 == 3) {
				digits = digits.replace(String.valueOf(separator), "");
			}
			else {
				digits = digits.replace(separator, '.');
			}
		}
		return new BigDecimal(digits);
	}

	private static BigDecimal scale(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
