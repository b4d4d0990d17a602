//! Heyat's domain, free of I/O and of the clock.
//!
//! Names follow the glossary of the regulation (see `../shared/DOMAIN.md`): a [`Grade`] is a
//! penalty grade of Art 29, a [`CaseStatus`] is where a case stands in its lifecycle. Anything
//! that depends on "today" takes it as an argument.

pub mod digits;
pub mod grade;
pub mod status;

pub use digits::{to_latin_digits, to_persian_digits};
pub use grade::Grade;
pub use status::{CaseStatus, TransitionError};
pub mod date;
pub mod engine;
pub mod regulation;
pub mod suggest;

pub use date::JalaliDate;
pub use suggest::{SuggestError, suggest_json};
pub mod board;
pub mod fold;
pub mod national_id;
pub mod proceedings;
pub mod session;

pub use fold::{fold_persian, search_terms};
pub use national_id::national_id_is_valid;
