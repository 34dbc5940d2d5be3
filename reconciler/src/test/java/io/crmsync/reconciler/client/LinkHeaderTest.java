package io.crmsync.reconciler.client;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class LinkHeaderTest {

    private static final String BASE = "https://acme.myshopify.com/admin/api/2024-04/orders.json";

    @Test
    void nextPageInfoOfAFirstPage() {
        String header = "<" + BASE + "?limit=250&page_info=eyJsYXN0X2lkIjo0NTA3ODk0Njl9>; rel=\"next\"";

        assertThat(LinkHeader.nextPageInfo(header)).contains("eyJsYXN0X2lkIjo0NTA3ODk0Njl9");
    }

    @Test
    void nextIsFoundBesidePrevious() {
        String header = "<" + BASE + "?limit=3&page_info=prevCursor>; rel=\"previous\", <" + BASE
                + "?page_info=nextCursor&limit=3>; rel=\"next\"";

        assertThat(LinkHeader.nextPageInfo(header)).contains("nextCursor");
        assertThat(LinkHeader.target(header, "previous")).contains(URI.create(BASE + "?limit=3&page_info=prevCursor"));
    }

    @Test
    void lastPageHasOnlyPrevious() {
        String header = "<" + BASE + "?limit=3&page_info=prevCursor>; rel=\"previous\"";

        assertThat(LinkHeader.nextPageInfo(header)).isEmpty();
    }

    @Test
    void absentOrEmptyHeaderMeansNoNextPage() {
        assertThat(LinkHeader.nextPageInfo(null)).isEmpty();
        assertThat(LinkHeader.nextPageInfo("")).isEmpty();
    }

    @Test
    void unquotedAndMultiValuedRelAndExtraParameters() {
        assertThat(LinkHeader.nextPageInfo("<" + BASE + "?page_info=a1>;rel=next")).contains("a1");
        assertThat(LinkHeader.nextPageInfo("<" + BASE + "?page_info=b2>; title=\"more\"; rel=\"next last\""))
                .contains("b2");
        assertThat(LinkHeader.nextPageInfo("<" + BASE + "?page_info=c3>; REL=\"Next\"")).contains("c3");
    }

    @Test
    void pageInfoIsUrlDecoded() {
        assertThat(LinkHeader.nextPageInfo("<" + BASE + "?limit=3&page_info=abc%3D%3D>; rel=\"next\""))
                .contains("abc==");
    }

    @Test
    void nextWithoutPageInfoIsNotAPage() {
        assertThat(LinkHeader.nextPageInfo("<" + BASE + "?limit=3>; rel=\"next\"")).isEmpty();
    }
}
