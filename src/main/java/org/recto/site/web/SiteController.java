package org.recto.site.web;

import org.recto.article.ArticleCatalog;
import org.recto.article.IssueRef;
import org.recto.article.Journal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The home page (journals), a journal's page (issues, latest articles) and an issue's table of contents. */
@Controller
class SiteController {

    private final ArticleCatalog catalog;
    private final ArticleLists lists;

    SiteController(ArticleCatalog catalog, ArticleLists lists) {
        this.catalog = catalog;
        this.lists = lists;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("journals", catalog.journals());
        return "pages/home";
    }

    @GetMapping("/journals/{key}")
    String journal(@PathVariable String key, Model model) {
        Journal journal = catalog.journal(key).orElseThrow(() -> notFound("There is no journal " + key + " here."));
        model.addAttribute("journal", journal);
        model.addAttribute("issues", catalog.issues(key));
        model.addAttribute("latest", lists.items(catalog.latest(key, 10)));
        return "pages/journal";
    }

    @GetMapping("/journals/{key}/issues/{volume}/{issue}")
    String issue(@PathVariable String key, @PathVariable String volume, @PathVariable String issue, Model model) {
        Journal journal = catalog.journal(key).orElseThrow(() -> notFound("There is no journal " + key + " here."));
        String v = Paths.NONE.equals(volume) ? "" : volume;
        String i = Paths.NONE.equals(issue) ? "" : issue;
        var contents = catalog.issueContents(key, v, i);
        if (contents.isEmpty()) {
            throw notFound("There is no such issue of " + journal.title() + ".");
        }
        IssueRef ref = catalog.issues(key).stream()
                .filter(x -> x.volume().equals(v) && x.issue().equals(i))
                .findFirst()
                .orElse(new IssueRef(key, v, i, null, contents.size()));
        model.addAttribute("journal", journal);
        model.addAttribute("issue", ref);
        model.addAttribute("articles", lists.items(contents));
        return "pages/issue";
    }

    static ResponseStatusException notFound(String reason) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }
}
