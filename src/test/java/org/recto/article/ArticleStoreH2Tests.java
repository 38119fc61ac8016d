package org.recto.article;

import org.springframework.boot.test.context.SpringBootTest;

/** The store on the embedded default (H2 in PostgreSQL mode). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ArticleStoreH2Tests extends ArticleStoreContract {
}
