//! Folding Persian text for search, applied alike to what is indexed and to what is typed:
//! Arabic ي/ى/ك/ة/ۀ become Persian ی/ک/ه, hamza-carrying and madda forms of alef become ا,
//! the zero-width non-joiner, tatweel and Arabic diacritics go, and Persian and Arabic-Indic
//! digits become ASCII. So «مي‌شود», «میشود» and «مـيشود» all read `میشود`.

/// The folded form of `text` (see the module comment). Latin letters are lower-cased.
pub fn fold_persian(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ي' | 'ى' | 'ئ' => out.push('ی'),
            'ك' => out.push('ک'),
            'ة' | 'ۀ' => out.push('ه'),
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ؤ' => out.push('و'),
            // ZWNJ, ZWJ, tatweel, and bidi marks that paste in from other programs.
            '\u{200C}' | '\u{200D}' | '\u{0640}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}' => {}
            // Harakat, tanwin, shadda, sukun, superscript alef, hamza above/below.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => {}
            '۰'..='۹' => out.push(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
            '٠'..='٩' => out.push(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
            c if c.is_ascii_uppercase() => out.push(c.to_ascii_lowercase()),
            c => out.push(c),
        }
    }
    out
}

/// Words (folded) that stand in nearly every office's name — «دفتر خدمات الکترونیک قضایی
/// شمارهٔ …» — and so tell no case from another. Left out of the index and of queries alike;
/// kept in, they made every office-name query merge the whole index (60 ms at 100 000 cases).
pub const SEARCH_STOPWORDS: [&str; 6] = ["دفتر", "دفاتر", "خدمات", "الکترونیک", "قضایی", "شماره"];

/// The words of `text` for search, folded: runs of letters and digits, without
/// [`SEARCH_STOPWORDS`]. Everything else (punctuation, FTS operators, quotes) separates words
/// and is dropped. Used on what is indexed and on what is typed.
pub fn search_terms(text: &str) -> Vec<String> {
    fold_persian(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !SEARCH_STOPWORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_letters_zwnj_tatweel_and_diacritics_fold() {
        assert_eq!(fold_persian("مي\u{200C}شود"), "میشود");
        assert_eq!(fold_persian("مـيشود"), "میشود");
        assert_eq!(fold_persian("كريمي"), "کریمی");
        assert_eq!(fold_persian("مُحَمَّد"), "محمد");
        assert_eq!(fold_persian("آزاد"), "ازاد");
        assert_eq!(fold_persian("۱۴۰۳-٠٠١٢"), "1403-0012");
    }

    #[test]
    fn query_words_drop_operators() {
        assert_eq!(search_terms("\"قاسمی\" OR ۱۱۵*"), ["قاسمی", "or", "115"]);
        assert!(search_terms(" - ").is_empty());
        assert_eq!(
            search_terms("دفتر خدمات الكترونيك قضايي شمارهٔ ۲۷ تهران"),
            ["27", "تهران"]
        );
    }
}
