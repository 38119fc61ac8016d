package org.recto.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.recto.article.Article;
import org.recto.article.ArticleCatalog;
import org.recto.article.ArticleSummary;
import org.recto.article.Contributor;
import org.recto.article.JournalMeta;
import org.recto.article.Permissions;
import org.recto.article.PubDate;
import org.recto.article.StoredArticle;

/**
 * A small in-memory article catalog for the usage tests until the article store lands: four articles in two
 * journals, one under a Creative Commons licence (Open), the others without (Controlled). {@link #create()} hands it
 * out as an {@link ArticleCatalog} through a dynamic proxy, so methods the interface gains later (the store is being
 * written in parallel) do not break this test code; those answer empty.
 */
final class TestCatalog {

    @SuppressWarnings("unchecked")
    static ArticleCatalog create() {
        TestCatalog c = new TestCatalog();
        return (ArticleCatalog) java.lang.reflect.Proxy.newProxyInstance(ArticleCatalog.class.getClassLoader(),
                new Class<?>[] {ArticleCatalog.class}, (proxy, method, args) -> {
                    switch (method.getName() + "/" + method.getParameterCount()) {
                        case "find/1": return c.find((String) args[0]);
                        case "find/2": return c.find((String) args[0], (Integer) args[1]);
                        case "jatsSource/2": return Optional.empty();
                        case "summaries/1": return c.summaries((Collection<String>) args[0]);
                        case "allDois/0": return c.allDois();
                        case "toString/0": return "TestCatalog";
                        case "hashCode/0": return System.identityHashCode(proxy);
                        case "equals/1": return proxy == args[0];
                        default:
                            if (method.getReturnType() == List.class) {
                                return List.of();
                            }
                            if (method.getReturnType() == Optional.class) {
                                return Optional.empty();
                            }
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    static final JournalMeta JIA = new JournalMeta("jia", "Journal of International Affairs", "0260-2105", "1469-9044", "Example Press");
    static final JournalMeta JB = new JournalMeta("jb", "Journal B", null, "1234-5678", "Other Press");
    static final String OPEN_DOI = "10.5555/jia.1";
    static final String CONTROLLED_DOI = "10.5555/jia.2";
    static final String SLASH_DOI = "10.5555/jb/x.1";
    /** Only the web test records views of this one. */
    static final String WEB_DOI = "10.5555/jb/web.2";

    private final Map<String, Article> articles = new LinkedHashMap<>();

    TestCatalog() {
        add(OPEN_DOI, JIA, "Open <i>article</i>", List.of("Ann Author", "Bob Writer"), new PubDate("epub", null, 2017, 8, 23, null),
                "https://creativecommons.org/licenses/by/4.0/");
        add(CONTROLLED_DOI, JIA, "Controlled article", List.of("Cy Scholar"), new PubDate("epub", null, 2018, 1, 15, null), null);
        add(SLASH_DOI, JB, "Slash article", List.of("Di Person", "Ed Person", "Flo Person", "Gus Person"),
                new PubDate("ppub", null, 2020, null, null, null), "https://example.org/licence");
        add(WEB_DOI, JB, "Web article", List.of("Hal Person"), new PubDate("ppub", null, 2021, 3, 1, null), null);
    }

    private void add(String doi, JournalMeta journal, String title, List<String> authors, PubDate date, String licence) {
        List<Contributor> contributors = new ArrayList<>();
        articles.put(doi.toLowerCase(Locale.ROOT), new Article(doi, "research-article", "en", journal, List.of(), title, null,
                contributors, List.of(), List.of(), List.of(date), "1", "1", "1", "10", null,
                new Permissions(null, null, null, licence, null), List.of(), List.of(), List.of(), List.of(), null, null));
        authorsByDoi.put(doi.toLowerCase(Locale.ROOT), authors);
    }

    private final Map<String, List<String>> authorsByDoi = new LinkedHashMap<>();

    public Optional<StoredArticle> find(String doi) {
        Article a = articles.get(doi.toLowerCase(Locale.ROOT));
        return a == null ? Optional.empty() : Optional.of(new StoredArticle(a, 1, 1, Instant.EPOCH));
    }

    public Optional<StoredArticle> find(String doi, int version) {
        return version == 1 ? find(doi) : Optional.empty();
    }

    public List<ArticleSummary> summaries(Collection<String> dois) {
        List<ArticleSummary> out = new ArrayList<>();
        for (String d : dois) {
            Article a = articles.get(d.toLowerCase(Locale.ROOT));
            if (a != null) {
                out.add(new ArticleSummary(a.doi(), a.articleType(), a.titleHtml(), authorsByDoi.get(d.toLowerCase(Locale.ROOT)),
                        a.journal(), a.volume(), a.issue(), a.firstPage(), a.lastPage(), a.elocationId(),
                        a.publicationDate(), 1));
            }
        }
        return out;
    }

    public List<String> allDois() {
        return articles.values().stream().map(Article::doi).toList();
    }
}
