package org.recto.article.internal;

import java.util.List;
import java.util.Optional;

import org.recto.article.ArticleFile;
import org.recto.article.ArticleFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code article_file} table: written with the version (by {@link ArticleWriter}), read by name. */
@Repository
class ArticleFileStore implements ArticleFiles {

    private static final String VERSION = """
            from article_file f join article_version v on v.id = f.version_id join article a on a.id = v.article_id
            where a.doi_key = ? and v.version = ?""";

    private final JdbcClient jdbc;
    private final WebRenditions renditions;

    ArticleFileStore(JdbcClient jdbc, WebRenditions renditions) {
        this.jdbc = jdbc;
        this.renditions = renditions;
    }

    /** Inside the version's transaction; TIFFs get their web rendition now, so no reader waits for one. */
    void insert(long versionId, List<ArticleFile> files) {
        for (ArticleFile file : files) {
            byte[] web = renditions.webPng(file).orElse(null);
            jdbc.sql("insert into article_file (version_id, name, media_type, sha256, bytes, web_png) values (?, ?, ?, ?, ?, ?)")
                    .params(versionId, file.name(), file.mediaType(), ArticleWriter.sha256(file.bytes()), file.bytes(), web)
                    .update();
        }
    }

    @Override
    public Optional<ArticleFile> find(String doi, int version, String name) {
        return jdbc.sql("select f.name, f.media_type, f.bytes " + VERSION + " and f.name = ?")
                .params(DoiKeys.key(doi), version, name)
                .query((rs, n) -> new ArticleFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    @Override
    public Optional<ArticleFile> webRendition(String doi, int version, String name) {
        return jdbc.sql("select f.web_png " + VERSION + " and f.name = ? and f.web_png is not null")
                .params(DoiKeys.key(doi), version, name)
                .query((rs, n) -> new ArticleFile(name, "image/png", rs.getBytes(1)))
                .optional();
    }

    @Override
    public boolean hasWebRendition(String doi, int version, String name) {
        return jdbc.sql("select count(*) " + VERSION + " and f.name = ? and f.web_png is not null")
                .params(DoiKeys.key(doi), version, name)
                .query(Integer.class).single() > 0;
    }

    @Override
    public java.util.OptionalInt latestVersion(String doi) {
        return jdbc.sql("select latest_version from article where doi_key = ?").param(DoiKeys.key(doi))
                .query(Integer.class).optional().map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
    }

    @Override
    public List<String> names(String doi, int version) {
        return jdbc.sql("select f.name " + VERSION + " order by f.name")
                .params(DoiKeys.key(doi), version)
                .query(String.class)
                .list();
    }
}
