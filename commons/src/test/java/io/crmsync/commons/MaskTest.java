package io.crmsync.commons;

import io.crmsync.commons.log.Mask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskTest {

    @Test
    void masksEmailsAndPhonesBeyondRecognition() {
        assertThat(Mask.email("zoe.mueller@example.com")).isEqualTo("z***@e***.com");
        assertThat(Mask.email("not-an-email")).isEqualTo("***");
        assertThat(Mask.phone("+49 30 1234 5678")).isEqualTo("***78");
        assertThat(Mask.email(null)).isEmpty();
    }
}
