package dev.homeweb.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoutesTest {
    @Test
    void namesPostsAndTagsBySlug() {
        assertThat(Routes.post("hello")).isEqualTo("/blog/hello");
        assertThat(Routes.tag("java-17")).isEqualTo("/tags/java-17");
        assertThat(Routes.tag("java-17")).startsWith(Routes.TAGS);
    }

    @Test
    void pagesAListFromItsOwnPathOn() {
        assertThat(Routes.listPage("", 1)).isEqualTo("/");
        assertThat(Routes.listPage("", 2)).isEqualTo("/page/2");
        assertThat(Routes.listPage("/tags/web", 1)).isEqualTo("/tags/web");
        assertThat(Routes.listPage("/tags/web", 3)).isEqualTo("/tags/web/page/3");
        assertThatThrownBy(() -> Routes.listPage("/tags/web", 0))
                .hasMessage("page 0 of /tags/web is below 1");
    }

    @Test
    void readsAListPageBackOnlyAsListPageWritesIt() {
        assertThat(Routes.listPageAt("/")).contains(new Routes.ListPage("", 1));
        assertThat(Routes.listPageAt("/page/2")).contains(new Routes.ListPage("", 2));
        assertThat(Routes.listPageAt("/tags/web")).contains(new Routes.ListPage("/tags/web", 1));
        assertThat(Routes.listPageAt("/tags/web/page/12"))
                .contains(new Routes.ListPage("/tags/web", 12));
        assertThat(Routes.listPageAt("/page/1")).isEmpty();
        assertThat(Routes.listPageAt("/page/0")).isEmpty();
        assertThat(Routes.listPageAt("/page/007")).isEmpty();
        assertThat(Routes.listPageAt("/page/+3")).isEmpty();
        assertThat(Routes.listPageAt("/page/99999999999")).isEmpty();
        assertThat(Routes.listPageAt("/page/")).isEmpty();
    }

    @Test
    void readsAPostsSlugBackFromItsPage() {
        assertThat(Routes.postSlug(Routes.post("hello"))).contains("hello");
        assertThat(Routes.postSlug("/blog/")).isEmpty();
        assertThat(Routes.postSlug("/tags/hello")).isEmpty();
    }

    @Test
    void putsFeedsBesideTheListTheyMirror() {
        assertThat(Routes.feed("", "atom.xml")).isEqualTo("/atom.xml");
        assertThat(Routes.feed("/tags/web", "feed.json")).isEqualTo("/tags/web/feed.json");
    }
}
