package io.crmsync.normalizer.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone normalisation to E.164 with libphonenumber. A number written without its country code is
 * read in the region of the address it belongs to (the region hint); with no hint only
 * international ({@code +...}) numbers can be read.
 */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";

    private Phones() {
    }

    /**
     * E.164 ({@code +16135550123}) when the text is a valid number for its region, otherwise null:
     * unparseable text, too few digits, or a number no carrier can have (such as the fictional
     * North American 555 area code) is kept only as raw text.
     *
     * @param regionHint ISO 3166-1 alpha-2 code, or null
     */
    public static String toE164(String raw, String regionHint) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(raw, regionHint == null ? UNKNOWN_REGION : regionHint);
            return UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
