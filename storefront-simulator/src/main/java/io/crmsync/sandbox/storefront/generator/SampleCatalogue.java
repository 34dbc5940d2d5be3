package io.crmsync.sandbox.storefront.generator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fixed material generated orders are made of: buyers' countries with names (diacritics on
 * purpose), places and tax rates, and the shop's products.
 */
final class SampleCatalogue {

    /** A city with its region and a postcode of that city. */
    record Place(String city, String province, String provinceCode, String zip, String street) {
    }

    /**
     * @param region   ISO 3166-1 alpha-2, also libphonenumber's region
     * @param taxRate  VAT / sales tax applied to the discounted lines
     */
    record Country(String region, String name, String locale, String taxTitle, BigDecimal taxRate,
                   List<String> firstNames, List<String> lastNames, List<Place> places, List<String> companies) {
    }

    static final List<Country> COUNTRIES = List.of(
            new Country("US", "United States", "en-US", "State Tax", new BigDecimal("0.0825"),
                    List.of("Ava", "Liam", "Chloé", "Noah", "Zoë", "Mateo"),
                    List.of("O'Brien", "Smith", "Johnson", "García", "Nguyen", "Peña"),
                    List.of(new Place("New York", "New York", "NY", "10001", "350 Fifth Avenue"),
                            new Place("San Francisco", "California", "CA", "94103", "969 Market Street"),
                            new Place("Austin", "Texas", "TX", "78701", "600 Congress Avenue")),
                    List.of("Initech LLC", "Globex Corporation")),
            new Country("DE", "Germany", "de-DE", "MwSt", new BigDecimal("0.19"),
                    List.of("Zoë", "Jürgen", "Lena", "Björn", "Käthe", "Jörg"),
                    List.of("Müller", "Groß", "Schäfer", "Köhler", "Weiß", "Bäcker"),
                    List.of(new Place("Berlin", "Berlin", "BE", "10115", "Königstraße 12"),
                            new Place("München", "Bayern", "BY", "80331", "Schloßallee 3"),
                            new Place("Köln", "Nordrhein-Westfalen", "NW", "50667", "Hohe Straße 45")),
                    List.of("Müller & Söhne GmbH", "Bäckerei Weiß KG")),
            new Country("FR", "France", "fr-FR", "TVA", new BigDecimal("0.20"),
                    List.of("Amélie", "François", "Hélène", "Gaëlle", "Zoé", "Loïc"),
                    List.of("Lefèvre", "Dubois", "Bérard", "Rousseau", "Mercier", "Fénelon"),
                    List.of(new Place("Paris", "Île-de-France", "IDF", "75002", "12 rue de la Paix"),
                            new Place("Lyon", "Auvergne-Rhône-Alpes", "ARA", "69002", "5 place Bellecour")),
                    List.of("Café Lumière SARL")),
            new Country("ES", "Spain", "es-ES", "IVA", new BigDecimal("0.21"),
                    List.of("José", "María", "Íñigo", "Begoña", "Sofía", "Ramón"),
                    List.of("Núñez", "Peña", "Ibáñez", "Martínez", "Gómez", "Muñoz"),
                    List.of(new Place("Madrid", "Madrid", "M", "28014", "Calle de Alcalá 45"),
                            new Place("Sevilla", "Sevilla", "SE", "41004", "Avenida de la Constitución 3")),
                    List.of("Ibáñez y Asociados S.L.")),
            new Country("GB", "United Kingdom", "en-GB", "VAT", new BigDecimal("0.20"),
                    List.of("Oliver", "Siobhán", "Amelia", "Eóin", "Harriet", "Ruairí"),
                    List.of("Taylor", "Murphy", "Davies", "O'Connor", "Brontë", "Ó Briain"),
                    List.of(new Place("London", "England", "ENG", "NW1 6XE", "221B Baker Street"),
                            new Place("Manchester", "England", "ENG", "M1 1AE", "10 Piccadilly")),
                    List.of("Brontë & Co Ltd")),
            new Country("MX", "Mexico", "es-MX", "IVA", new BigDecimal("0.16"),
                    List.of("Ximena", "Joaquín", "Sofía", "Andrés", "Valentín", "Dulce María"),
                    List.of("Hernández", "López", "Ramírez", "Jiménez", "Gutiérrez", "Núñez"),
                    List.of(new Place("Ciudad de México", "Ciudad de México", "CMX", "06600", "Paseo de la Reforma 222"),
                            new Place("Guadalajara", "Jalisco", "JAL", "44100", "Avenida Juárez 1")),
                    List.of("Distribuidora Jiménez S.A. de C.V.")));

    static final List<SampleProduct> PRODUCTS = List.of(
            new SampleProduct(1, "Merino Wool Beanie", "Charcoal", "BEANIE-CHR", new BigDecimal("24.00"), 120),
            new SampleProduct(2, "Café Crème Mug", "350 ml", "MUG-350", new BigDecimal("12.50"), 400),
            new SampleProduct(3, "Organic Cotton Tee", "M / Navy", "TEE-M-NVY", new BigDecimal("19.99"), 180),
            new SampleProduct(4, "Leather Notebook", "A5", "NOTE-A5", new BigDecimal("34.90"), 350),
            new SampleProduct(5, "Trail Socks (3-pack)", "L", "SOCK-3-L", new BigDecimal("15.75"), 150),
            new SampleProduct(6, "Ceramic Pour-Over", "White", "POUR-WHT", new BigDecimal("42.00"), 600),
            new SampleProduct(7, "Linen Apron", "Sand", "APRON-SND", new BigDecimal("28.40"), 250),
            new SampleProduct(8, "Bamboo Cutting Board", "Large", "BOARD-L", new BigDecimal("31.25"), 900));

    static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.org", "mail.example.net");

    static final List<String> NOTES = List.of("Bitte vor 18 Uhr liefern.", "Gift wrap, please — it's a surprise!",
            "Laisser chez la gardienne.", "Déjenlo con el portero.");

    private SampleCatalogue() {
    }
}
