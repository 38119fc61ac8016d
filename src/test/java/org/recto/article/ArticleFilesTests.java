package org.recto.article;

import org.springframework.boot.test.context.SpringBootTest;

/** The package files on the embedded H2 default. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ArticleFilesTests extends ArticleFilesContract {
}
