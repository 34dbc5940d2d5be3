package io.crmsync.writer.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceSoapTest {

    @Test
    void theMergeEnvelopeEscapesEveryValue() {
        String envelope = SalesforceSoap.mergeEnvelope("00D!a<b>&\"'", "Contact", "003A", "003B");

        assertThat(envelope).contains("<urn:sessionId>00D!a&lt;b&gt;&amp;&quot;&apos;</urn:sessionId>")
                .contains("<urn1:type>Contact</urn1:type><urn1:Id>003A</urn1:Id>")
                .contains("<urn:recordToMergeIds>003B</urn:recordToMergeIds>")
                .contains("xmlns:urn=\"urn:partner.soap.sforce.com\"");
    }

    @Test
    void readsTheMergeResult() {
        String answer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:partner.soap.sforce.com\">"
                + "<soapenv:Body><mergeResponse><result><id>003A</id><mergedRecordIds>003B</mergedRecordIds>"
                + "<success>true</success><updatedRelatedIds>006X</updatedRelatedIds><updatedRelatedIds>006Y</updatedRelatedIds>"
                + "</result></mergeResponse></soapenv:Body></soapenv:Envelope>";

        assertThat(SalesforceSoap.mergeResult(answer)).contains(new SalesforceWire.MergeResult("003A", true,
                List.of("003B"), List.of("006X", "006Y"), List.of()));
    }

    @Test
    void readsAFailedResultAndFaults() {
        String failed = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns=\"urn:partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Body><mergeResponse><result><errors><message>Cannot merge a record with itself</message>"
                + "<statusCode>INVALID_OPERATION</statusCode></errors><id xsi:nil=\"true\"/><success>false</success>"
                + "</result></mergeResponse></soapenv:Body></soapenv:Envelope>";
        assertThat(SalesforceSoap.mergeResult(failed)).hasValueSatisfying(result -> {
            assertThat(result.success()).isFalse();
            assertThat(result.id()).isNull();
            assertThat(result.errors()).containsExactly(
                    new SalesforceWire.Error("INVALID_OPERATION", "Cannot merge a record with itself", List.of()));
        });

        String fault = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:sf=\"urn:fault.partner.soap.sforce.com\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:ENTITY_IS_DELETED</faultcode><faultstring>ENTITY_IS_DELETED: entity is deleted</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
        assertThat(SalesforceSoap.fault(fault)).contains(new SalesforceSoap.Fault("ENTITY_IS_DELETED",
                "ENTITY_IS_DELETED: entity is deleted"));
        assertThat(SalesforceSoap.mergeResult(fault)).isEmpty();
    }

    @Test
    void answersThatAreNoEnvelopeReadAsNothingAndEntitiesAreNeverExpanded() {
        assertThat(SalesforceSoap.fault("<html>Bad Gateway</html>")).isEmpty();
        assertThat(SalesforceSoap.fault("not xml")).isEmpty();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<soapenv:Fault><faultcode>&x;</faultcode></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
        assertThat(SalesforceSoap.fault(xxe)).isEmpty();
    }
}
