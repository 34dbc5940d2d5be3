package io.crmsync.sandbox.storefront.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes realistic, platform-neutral orders, the same ones for the same seed and end time: buyers
 * from several countries with diacritics in their names, national-format phones of the address
 * country, emails typed with stray capitals or spaces, some repeat buyers, B2B companies,
 * discounts, 1-3 lines and exact decimal amounts that add up.
 */
public final class SampleOrderFactory {

    private static final BigDecimal DISCOUNT_RATE = new BigDecimal("0.10");
    private static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("75.00");

    private SampleOrderFactory() {
    }

    /**
     * @param createdBefore every order is created before this instant, the last one shortly before
     */
    public static List<SampleOrder> generate(long seed, int count, Instant createdBefore, String currency) {
        SplittableRandom random = new SplittableRandom(seed);
        long orderBase = random.nextLong(1, 9_000_000);
        long customerBase = random.nextLong(1, 9_000_000);
        int numberBase = 1001 + random.nextInt(0, 90_000);

        Instant[] created = new Instant[count];
        Instant t = createdBefore.minus(Duration.ofMinutes(random.nextInt(1, 60)));
        for (int i = count - 1; i >= 0; i--) {
            created[i] = t;
            t = t.minus(Duration.ofMinutes(random.nextInt(3, 240))).minusSeconds(random.nextInt(0, 60));
        }

        List<SampleCustomer> customers = new ArrayList<>();
        Map<Long, int[]> orderCounts = new HashMap<>();
        Map<Long, BigDecimal> spent = new HashMap<>();
        List<SampleOrder> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean repeat = !customers.isEmpty() && random.nextInt(100) < 30;
            SampleCustomer customer = repeat
                    ? customers.get(random.nextInt(customers.size()))
                    : customer(random, customerBase + customers.size(), created[i]);
            if (!repeat) {
                customers.add(customer);
            }
            SampleOrder order = order(random, orderBase + i, numberBase + i, created[i], customer, currency);
            int ordersSoFar = ++orderCounts.computeIfAbsent(customer.key(), k -> new int[1])[0];
            BigDecimal total = spent.merge(customer.key(), order.total(), BigDecimal::add);
            orders.add(withCustomerTotals(order, ordersSoFar, total));
        }
        return orders;
    }

    private static SampleCustomer customer(SplittableRandom random, long key, Instant firstOrderAt) {
        SampleCatalogue.Country country = pick(random, SampleCatalogue.COUNTRIES);
        String first = pick(random, country.firstNames());
        String last = pick(random, country.lastNames());
        SampleCatalogue.Place place = pick(random, country.places());
        String company = random.nextInt(100) < 15 ? pick(random, country.companies()) : "";
        Phones.Phone phone = random.nextInt(100) < 80 ? Phones.random(country.region(), random) : null;
        SampleAddress address = new SampleAddress(first, last, company, place.street(),
                random.nextInt(100) < 20 ? "Apt " + random.nextInt(1, 40) : "", place.city(), place.province(),
                place.provinceCode(), place.zip(), country.name(), country.region(), phone == null ? null : phone.national());
        String email = typed(random, first + "." + last + (random.nextInt(100) < 25 ? String.valueOf(random.nextInt(1, 99)) : "")
                + "@" + pick(random, SampleCatalogue.EMAIL_DOMAINS));
        int consentRoll = random.nextInt(100);
        String consent = consentRoll < 45 ? "subscribed" : consentRoll < 80 ? "not_subscribed" : "unknown";
        return new SampleCustomer(key, first, last, email, phone == null ? null : phone.national(),
                phone == null ? null : phone.e164(), address, consent,
                firstOrderAt.minus(Duration.ofMinutes(random.nextInt(1, 30))), country.locale());
    }

    private static SampleOrder order(SplittableRandom random, long key, int number, Instant createdAt,
                                     SampleCustomer customer, String currency) {
        SampleCatalogue.Country country = SampleCatalogue.COUNTRIES.stream()
                .filter(c -> c.region().equals(customer.address().countryCode())).findFirst().orElseThrow();
        List<SampleProduct> products = new ArrayList<>(SampleCatalogue.PRODUCTS);
        int lineCount = random.nextInt(1, 4);
        List<SampleProduct> chosen = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            chosen.add(products.remove(random.nextInt(products.size())));
        }
        List<int[]> quantities = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (SampleProduct product : chosen) {
            int quantity = random.nextInt(100) < 75 ? 1 : random.nextInt(2, 4);
            quantities.add(new int[]{quantity});
            subtotal = subtotal.add(product.price().multiply(BigDecimal.valueOf(quantity)));
        }
        boolean discounted = random.nextInt(100) < 25;
        BigDecimal discount = discounted ? subtotal.multiply(DISCOUNT_RATE).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);

        // The discount is spread over the lines in proportion, the rounding remainder on the last line,
        // and tax is computed per discounted line: the order's amounts are sums of its lines' amounts.
        List<SampleLine> lines = new ArrayList<>();
        BigDecimal discountLeft = discount;
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < chosen.size(); i++) {
            SampleProduct product = chosen.get(i);
            int quantity = quantities.get(i)[0];
            BigDecimal lineSubtotal = product.price().multiply(BigDecimal.valueOf(quantity)).setScale(2);
            BigDecimal lineDiscount = i == chosen.size() - 1 ? discountLeft
                    : discount.multiply(lineSubtotal).divide(subtotal, 2, RoundingMode.HALF_UP);
            discountLeft = discountLeft.subtract(lineDiscount);
            BigDecimal lineTax = lineSubtotal.subtract(lineDiscount).multiply(country.taxRate()).setScale(2, RoundingMode.HALF_UP);
            tax = tax.add(lineTax);
            lines.add(new SampleLine(key * 10 + i + 1, product, quantity, lineSubtotal, lineDiscount, lineTax));
        }
        boolean express = random.nextInt(100) < 20;
        String shippingTitle = express ? "Express" : subtotal.compareTo(FREE_SHIPPING_FROM) >= 0 ? "Free Shipping" : "Standard Shipping";
        BigDecimal shippingPrice = new BigDecimal(switch (shippingTitle) {
            case "Express" -> "12.00";
            case "Free Shipping" -> "0.00";
            default -> "4.99";
        });
        BigDecimal total = subtotal.subtract(discount).add(shippingPrice).add(tax);

        int stateRoll = random.nextInt(100);
        OrderState state = stateRoll < 70 ? OrderState.PAID : stateRoll < 80 ? OrderState.PENDING
                : stateRoll < 90 ? OrderState.AUTHORIZED : stateRoll < 95 ? OrderState.REFUNDED : OrderState.CANCELLED;
        boolean fulfilled = state == OrderState.PAID && random.nextInt(100) < 50;
        String note = random.nextInt(100) < 10 ? pick(random, SampleCatalogue.NOTES) : null;
        String email = random.nextInt(100) < 30 ? typed(random, customer.email().trim()) : customer.email();
        SampleAddress shipping = random.nextInt(100) < 85 ? customer.address() : otherRecipient(random, customer.address(), country);
        return new SampleOrder(key, number, createdAt, customer, email, 0, BigDecimal.ZERO, customer.address(), shipping,
                List.copyOf(lines), subtotal, discount, discounted ? "WELCOME10" : null, shippingTitle, shippingPrice,
                country.taxRate(), country.taxTitle(), tax, total, currency, state, fulfilled, note);
    }

    /** A gift: shipped to someone else in the same country. */
    private static SampleAddress otherRecipient(SplittableRandom random, SampleAddress billing, SampleCatalogue.Country country) {
        SampleCatalogue.Place place = pick(random, country.places());
        return new SampleAddress(pick(random, country.firstNames()), pick(random, country.lastNames()), "",
                place.street(), "", place.city(), place.province(), place.provinceCode(), place.zip(),
                billing.country(), billing.countryCode(), null);
    }

    private static SampleOrder withCustomerTotals(SampleOrder o, int orderCount, BigDecimal spent) {
        return new SampleOrder(o.key(), o.number(), o.createdAt(), o.customer(), o.email(), orderCount, spent,
                o.billing(), o.shipping(), o.lines(), o.subtotal(), o.discount(), o.discountCode(), o.shippingTitle(),
                o.shippingPrice(), o.taxRate(), o.taxTitle(), o.tax(), o.total(), o.currency(), o.state(),
                o.fulfilled(), o.note());
    }

    /**
     * An email as people type it: the ASCII form of the name in lower case, sometimes with capitals,
     * sometimes with spaces around it.
     */
    private static String typed(SplittableRandom random, String address) {
        String ascii = Normalizer.normalize(address.replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("'", "").replace(" ", "").toLowerCase(Locale.ROOT);
        int roll = random.nextInt(100);
        String cased = roll < 30 ? capitalised(ascii) : roll < 38 ? ascii.toUpperCase(Locale.ROOT) : ascii;
        return random.nextInt(100) < 15 ? "  " + cased + " " : cased;
    }

    private static String capitalised(String email) {
        StringBuilder out = new StringBuilder(email.length());
        boolean start = true;
        for (char c : email.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.' || c == '@';
        }
        return out.toString();
    }

    private static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
