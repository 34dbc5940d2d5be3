package io.crmsync.sandbox.crm.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoqlParserTest {

    @Test
    void readsFieldsObjectAndInListWithEscapedLiterals() {
        SoqlQuery query = SoqlParser.parse("select Id ,CrmSync_Key__c FROM Contact WhErE CrmSync_Key__c IN ('a\\'b','c\\\\d', 'e')");

        assertThat(query.fields()).extracting(SoqlQuery.Name::name).containsExactly("Id", "CrmSync_Key__c");
        assertThat(query.sObject().name()).isEqualTo("Contact");
        assertThat(query.where().name()).isEqualTo("CrmSync_Key__c");
        assertThat(query.values()).containsExactly("a'b", "c\\d", "e");
    }

    @Test
    void readsEqualsAndQueriesWithoutWhere() {
        assertThat(SoqlParser.parse("SELECT Id FROM Account WHERE Name = 'Müller & Söhne'").values())
                .containsExactly("Müller & Söhne");
        assertThat(SoqlParser.parse("SELECT Id FROM Account").where()).isNull();
    }

    @Test
    void pointsAtTheUnexpectedToken() {
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Contact ORDER BY Name"))
                .isInstanceOfSatisfying(RequestRejected.class, e -> {
                    assertThat(e.code()).isEqualTo("MALFORMED_QUERY");
                    assertThat(e.getMessage()).isEqualTo("\nSELECT Id FROM Contact ORDER BY Name\n"
                            + "                       ^\nERROR at Row:1:Column:24\nunexpected token: ORDER");
                });
        assertThatThrownBy(() -> SoqlParser.parse("SELECT Id FROM Contact WHERE Name = 'x\\qy'"))
                .hasMessageContaining("Illegal character sequence '\\q' in string literal");
        assertThatThrownBy(() -> SoqlParser.parse(" ")).hasMessage("A query string has to be specified");
    }
}
