//! The Iranian national id (کد ملی): ten digits whose last is a check digit.

/// Whether `id` (ASCII, Persian or Arabic digits) is a well-formed national id: ten digits,
/// not all the same, with a correct check digit.
pub fn national_id_is_valid(id: &str) -> bool {
    let id = crate::to_latin_digits(id.trim());
    let digits: Vec<u32> = id.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 10 || id.chars().count() != 10 || digits.iter().all(|&d| d == digits[0]) {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .enumerate()
        .map(|(i, d)| d * (10 - i as u32))
        .sum();
    let r = sum % 11;
    let check = if r < 2 { r } else { 11 - r };
    digits[9] == check
}

/// Completes nine digits with their check digit (for test and demo data).
pub fn with_check_digit(nine: &str) -> Option<String> {
    let digits: Vec<u32> = nine.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 9 || nine.len() != 9 {
        return None;
    }
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| d * (10 - i as u32))
        .sum();
    let r = sum % 11;
    let check = if r < 2 { r } else { 11 - r };
    Some(format!("{nine}{check}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit() {
        assert!(national_id_is_valid("0012345679"));
        assert!(national_id_is_valid("۰۰۱۲۳۴۵۶۷۹"));
        assert!(!national_id_is_valid("0012345678"));
        assert!(!national_id_is_valid("1111111111"));
        assert!(!national_id_is_valid("12345"));
        assert_eq!(with_check_digit("001234567").as_deref(), Some("0012345679"));
        for n in ["006774918", "045132987", "123456789"] {
            assert!(national_id_is_valid(&with_check_digit(n).unwrap()));
        }
    }
}
