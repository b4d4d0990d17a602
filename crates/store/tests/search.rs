use crate::common::*;
use heyat_store::{CaseFilter, fts_query};

#[tokio::test]
async fn persian_search_folds_letters_digits_zwnj_and_diacritics() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    // The office's name was typed with Arabic ي, the manager's with Arabic ي and a ZWNJ.
    let c = w
        .store
        .create_case(
            &new_case(
                &w,
                vec![charge(
                    "1401:38:b",
                    "تصوير اوراق قضايي در فضاي مجازي منتشر شد",
                )],
            ),
            ACTOR,
        )
        .await
        .unwrap();
    let other = w
        .store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    let hits = |q: &'static str| {
        let store = w.store.clone();
        async move {
            store
                .search(q, 50)
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        hits("کاظمینژاد").await.len(),
        2,
        "manager, Persian ی, no ZWNJ"
    );
    assert_eq!(hits("کاظمی").await.len(), 2, "a prefix of the name");
    assert_eq!(
        hits("كاظمي‌نژاد").await.len(),
        2,
        "Arabic ي/ك and ZWNJ in the query"
    );
    assert_eq!(hits("کاظمـی").await.len(), 2, "tatweel");
    assert_eq!(hits("قضایی قم").await.len(), 2, "office name and city");
    assert_eq!(
        hits("۳۱۲۰۰۰۴۵").await.len(),
        2,
        "office code in Persian digits"
    );
    assert_eq!(
        hits("٣١٢٠").await.len(),
        2,
        "Arabic-Indic digits, as a prefix"
    );
    assert_eq!(hits("1405-0001").await, vec![c.id], "case number");
    assert_eq!(
        hits("۱۴۰۵/۲").await,
        vec![other.id],
        "year and plain sequence"
    );
    assert_eq!(
        hits("مَجازی").await,
        vec![c.id],
        "facts, diacritics in the query"
    );
    assert_eq!(hits("0012345679").await.len(), 2, "national id");
    assert!(hits("ناموجود").await.is_empty());
    // Words in every office's name are not searched on; the rest of the name is.
    assert!(hits("دفتر خدمات").await.is_empty());
    assert_eq!(
        hits("دفتر خدمات الکترونیک قضایی شمارهٔ ۴۵ قم").await.len(),
        2
    );
    // FTS syntax typed by a person is just words.
    for q in ["\"", "OR", "NEAR(", "*", "a AND", "-", "کاظمی\" OR \"x"] {
        w.store.search(q, 10).await.unwrap();
    }
    assert_eq!(fts_query("  "), None);

    // The list's text filter goes through the same index.
    let listed = w
        .store
        .cases(&CaseFilter {
            status: None,
            text: Some("مجازي".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    // A charge added later is found.
    w.store
        .add_charge(other.id, &charge("1401:36:f", "عدم رعایت شئونات"), ACTOR)
        .await
        .unwrap();
    assert_eq!(hits("شئونات").await, vec![other.id]);
}

#[tokio::test]
async fn a_database_without_index_rows_is_indexed_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(&dir).await;
    w.store
        .create_case(&new_case(&w, vec![]), ACTOR)
        .await
        .unwrap();
    sqlx::query("DELETE FROM case_search")
        .execute(w.store.pool())
        .await
        .unwrap();
    assert!(w.store.search("قم", 10).await.unwrap().is_empty());
    w.store.close().await;
    let store = open_in(dir.path()).await.unwrap();
    assert_eq!(store.search("قم", 10).await.unwrap().len(), 1);
    assert_eq!(store.rebuild_search_index().await.unwrap(), 1);
}
