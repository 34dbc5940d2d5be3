package io.crmsync.sandbox.storefront.generator;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.SplittableRandom;

/**
 * Valid phone numbers of a country, as a buyer types them (national format) and in E.164: the
 * region's example number with its last digits varied, kept only if libphonenumber calls it valid.
 */
final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** A number in both renderings. */
    record Phone(String national, String e164) {
    }

    private Phones() {
    }

    static Phone random(String region, SplittableRandom random) {
        Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        long base = example.getNationalNumber();
        Phonenumber.PhoneNumber candidate = example;
        for (int attempt = 0; attempt < 20; attempt++) {
            long varied = base - base % 10_000 + random.nextInt(10_000);
            Phonenumber.PhoneNumber number = new Phonenumber.PhoneNumber()
                    .setCountryCode(example.getCountryCode()).setNationalNumber(varied);
            if (UTIL.isValidNumberForRegion(number, region)) {
                candidate = number;
                break;
            }
        }
        return new Phone(UTIL.format(candidate, PhoneNumberUtil.PhoneNumberFormat.NATIONAL),
                UTIL.format(candidate, PhoneNumberUtil.PhoneNumberFormat.E164));
    }
}
