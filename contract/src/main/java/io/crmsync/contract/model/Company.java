package io.crmsync.contract.model;

/**
 * The business a B2B buyer acts for. Most storefronts have no company object: the company is then
 * read from the billing address's company text ({@code source} null), and the dedup-service
 * resolves it into a golden company per tenant.
 *
 * @param source  the platform's company object, when it has one (Adobe Commerce B2B); else null
 * @param name    as written (trimmed; diacritics intact)
 * @param taxId   VAT or tax number when the platform carries one
 * @param address the address the company was read from (the billing address), if any
 */
public record Company(SourceRef source, String name, String taxId, Address address) {
}
