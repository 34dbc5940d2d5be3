package io.crmsync.sandbox.crm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class HubSpotAssociationsAndMergeTest extends SandboxTestSupport {

    @Test
    void defaultAssociationIsRecordedBothWays() {
        String contact = createHubSpot("acme", "contacts", "crmsync_contact_key", "gr_1", Map.of());
        String deal = createHubSpot("acme", "deals", "crmsync_order_ref", "o-1", Map.of("dealname", "Order 1"));

        Response response = associate("acme", "deals", "contacts", deal, contact).statusCode(200).extract().response();

        assertThat(response.<String>path("status")).isEqualTo("COMPLETE");
        assertThat(response.<List<String>>path("results.from.id")).containsExactly(deal, contact);
        assertThat(response.<List<String>>path("results.to.id")).containsExactly(contact, deal);
        assertThat(response.<List<String>>path("results.associationSpec.associationCategory"))
                .containsOnly("HUBSPOT_DEFINED");
        assertThat(response.<List<Integer>>path("results.associationSpec.associationTypeId")).containsExactly(3, 4);

        assertThat(sandboxObjects("acme", "deals").get(0).get("associations"))
                .isEqualTo(Map.of("contacts", List.of(contact)));
        assertThat(sandboxObjects("acme", "contacts").get(0).get("associations"))
                .isEqualTo(Map.of("deals", List.of(deal)));

        // Associating again is idempotent.
        associate("acme", "deals", "contacts", deal, contact).statusCode(200);
        assertThat(sandboxObjects("acme", "deals").get(0).get("associations"))
                .isEqualTo(Map.of("contacts", List.of(contact)));
    }

    @Test
    void associationWithUnknownIdFailsWholeAndWritesNothing() {
        String contact = createHubSpot("acme", "contacts", "crmsync_contact_key", "gr_1", Map.of());
        String company = createHubSpot("acme", "companies", "crmsync_company_key", "c-1", Map.of());

        crm().body(Map.of("inputs", List.of(
                        Map.of("from", Map.of("id", contact), "to", Map.of("id", company)),
                        Map.of("from", Map.of("id", contact), "to", Map.of("id", "9999")))))
                .post("/acme/crm/v4/associations/contacts/companies/batch/associate/default")
                .then().statusCode(400)
                .body("status", Matchers.equalTo("error"))
                .body("category", Matchers.equalTo("VALIDATION_ERROR"))
                .body("message", Matchers.equalTo("One or more associations are invalid"))
                .body("context.INVALID_OBJECT_IDS", Matchers.contains("COMPANY=9999 is not valid"));

        assertThat(sandboxObjects("acme", "contacts").get(0).get("associations")).isEqualTo(Map.of());
        assertThat(sandboxObjects("acme", "companies").get(0).get("associations")).isEqualTo(Map.of());
    }

    @Test
    void associationBetweenUnsupportedTypesIsRejected() {
        associate("acme", "contacts", "contacts", "1", "2").statusCode(400)
                .body("category", Matchers.equalTo("VALIDATION_ERROR"));
        associate("acme", "contacts", "tickets", "1", "2").statusCode(400)
                .body("message", Matchers.equalTo("Unable to infer object type from: tickets"));
    }

    @Test
    void mergeKeepsPrimaryValuesAndMovesAssociations() {
        String primary = createHubSpot("acme", "contacts", "email", "ann@example.com",
                Map.of("firstname", "Ann", "crmsync_contact_key", "gr_1"));
        String duplicate = createHubSpot("acme", "contacts", "email", "ann.work@example.com",
                Map.of("firstname", "Annie", "phone", "+44 20 7946 0000", "crmsync_contact_key", "gr_2"));
        String deal = createHubSpot("acme", "deals", "crmsync_order_ref", "o-1", Map.of());
        String company = createHubSpot("acme", "companies", "crmsync_company_key", "c-1", Map.of());
        associate("acme", "deals", "contacts", deal, duplicate).statusCode(200);
        associate("acme", "contacts", "companies", duplicate, company).statusCode(200);

        Response merged = crm().body(Map.of("primaryObjectId", primary, "objectIdToMerge", duplicate))
                .post("/acme/crm/v3/objects/contacts/merge")
                .then().statusCode(200).extract().response();

        assertThat(merged.<String>path("id")).isEqualTo(primary);
        assertThat(merged.<String>path("properties.firstname")).isEqualTo("Ann");
        assertThat(merged.<String>path("properties.phone")).isEqualTo("+44 20 7946 0000");
        assertThat(merged.<String>path("properties.hs_merged_object_ids")).isEqualTo(duplicate);

        List<Map<String, Object>> contacts = sandboxObjects("acme", "contacts");
        assertThat(contacts).extracting(c -> c.get("id")).containsExactly(primary);
        assertThat(contacts.get(0).get("associations"))
                .isEqualTo(Map.of("companies", List.of(company), "deals", List.of(deal)));
        assertThat(sandboxObjects("acme", "deals").get(0).get("associations"))
                .isEqualTo(Map.of("contacts", List.of(primary)));
        assertThat(sandboxObjects("acme", "companies").get(0).get("associations"))
                .isEqualTo(Map.of("contacts", List.of(primary)));

        // The merged id still resolves to the primary, and so does the merged contact's e-mail.
        crm().get("/acme/crm/v3/objects/contacts/" + duplicate).then().statusCode(200)
                .body("id", Matchers.equalTo(primary));
        hubspotUpsert("acme", "contacts", inputs(input("email", "ANN.WORK@example.com", Map.of("lastname", "Lee"))))
                .statusCode(200)
                .body("results[0].id", Matchers.equalTo(primary))
                .body("results[0].new", Matchers.equalTo(false));
        assertThat(sandboxObjects("acme", "contacts")).hasSize(1);
    }

    @Test
    void mergeRejectsUnknownAndSelf() {
        String contact = createHubSpot("acme", "contacts", "crmsync_contact_key", "gr_1", Map.of());

        crm().body(Map.of("primaryObjectId", contact, "objectIdToMerge", "424242"))
                .post("/acme/crm/v3/objects/contacts/merge")
                .then().statusCode(404)
                .body("category", Matchers.equalTo("OBJECT_NOT_FOUND"));
        crm().body(Map.of("primaryObjectId", contact, "objectIdToMerge", contact))
                .post("/acme/crm/v3/objects/contacts/merge")
                .then().statusCode(400)
                .body("category", Matchers.equalTo("VALIDATION_ERROR"));
        assertThat(sandboxObjects("acme", "contacts")).hasSize(1);
    }
}
