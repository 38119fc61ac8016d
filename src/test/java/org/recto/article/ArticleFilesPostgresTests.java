package org.recto.article;

import org.recto.support.PostgresSchema;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The package files on PostgreSQL (127.0.0.1:5432, database test), in a schema of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = PostgresSchema.class)
class ArticleFilesPostgresTests extends ArticleFilesContract {
}
