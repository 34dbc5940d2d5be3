package io.crmsync.dedup.service;

import io.crmsync.contract.model.Address;
import io.crmsync.contract.model.Company;
import io.crmsync.contract.model.SourceRef;
import io.crmsync.dedup.CompanyData;
import io.crmsync.dedup.CompanyLink;
import io.crmsync.dedup.GoldenCompany;
import io.crmsync.dedup.repository.CompanyLinkRepository;
import io.crmsync.dedup.repository.GoldenCompanyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * B2B: resolves the business an order or customer names to a golden company of the tenant. The
 * platform's company object first (where the platform has one), then normalised name + country,
 * else a new golden company. Golden companies are not merged automatically: when the two values
 * lead to different companies the platform's object wins and the difference is logged.
 */
@ApplicationScoped
public class CompanyResolutionService {

    private static final Logger LOG = Logger.getLogger(CompanyResolutionService.class);

    private final GoldenCompanyRepository companies;
    private final CompanyLinkRepository links;

    public CompanyResolutionService(GoldenCompanyRepository companies, CompanyLinkRepository links) {
        this.companies = companies;
        this.links = links;
    }

    /**
     * @param billingAddresses where the company's country comes from when it has no address of its own
     * @return the golden company, locked and updated; empty without a company or its name
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<GoldenCompany> resolve(String tenant, String eventId, Company company,
                                           List<Address> billingAddresses, Instant asOf, Instant now) {
        CompanyData data = company == null ? null : CompanyData.of(company, billingAddresses);
        if (data == null) {
            return Optional.empty();
        }
        Optional<String> source = sourceIdentity(company.source());
        String nameAndCountry = data.nameAndCountry();
        Optional<CompanyLink> bySource = source.flatMap(v -> links.find(tenant, CompanyLink.Kind.COMPANY_SOURCE, v));
        Optional<CompanyLink> byName = links.find(tenant, CompanyLink.Kind.NAME_AND_COUNTRY, nameAndCountry);

        GoldenCompany golden;
        CompanyLink.Reason reason;
        if (bySource.isPresent()) {
            golden = lock(bySource.get().companyKey());
            reason = CompanyLink.Reason.SAME_COMPANY_SOURCE;
        } else if (byName.isPresent()) {
            golden = lock(byName.get().companyKey());
            reason = CompanyLink.Reason.SAME_NAME_AND_COUNTRY;
        } else {
            golden = GoldenCompany.create(tenant, data, now);
            companies.persist(golden);
            reason = CompanyLink.Reason.FIRST_SEEN;
        }
        if (source.isPresent() && bySource.isEmpty()) {
            links.persist(new CompanyLink(tenant, CompanyLink.Kind.COMPANY_SOURCE, source.get(), golden.key(), reason,
                    eventId, now));
        }
        if (byName.isEmpty()) {
            links.persist(new CompanyLink(tenant, CompanyLink.Kind.NAME_AND_COUNTRY, nameAndCountry, golden.key(), reason,
                    eventId, now));
        } else if (!byName.get().companyKey().equals(golden.key())) {
            LOG.infof("tenant %s: company object of %s has the name and country of %s; not merged", tenant,
                    golden.key(), byName.get().companyKey());
        }
        golden.absorb(data, asOf, now);
        return Optional.of(golden);
    }

    private GoldenCompany lock(String companyKey) {
        return companies.lock(companyKey)
                .orElseThrow(() -> new IllegalStateException("company link to missing golden company " + companyKey));
    }

    static Optional<String> sourceIdentity(SourceRef source) {
        if (source == null || source.objectId() == null || source.objectId().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(source.platform() + ":" + source.storeId() + ":" + source.objectId());
    }
}
