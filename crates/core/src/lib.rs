//! Heyat's domain, free of I/O and of the clock.
//!
//! Names follow the glossary of the regulation (see `../shared/DOMAIN.md`): a [`Grade`] is a
//! penalty grade of Art 29, a [`CaseStatus`] is where a case stands in its lifecycle. Anything
//! that depends on "today" takes it as an argument.

/// Binds and reads a vocabulary enum as TEXT by its `code()` on every sqlx database (SQLite,
/// PostgreSQL and the `Any` driver the store runs on): the column is TEXT on both backends,
/// never a PostgreSQL enum type.
#[cfg(feature = "sqlx")]
macro_rules! sqlx_text_code {
    ($($name:ty),+ $(,)?) => {$(
        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            str: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as sqlx::Type<DB>>::type_info()
            }
            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as sqlx::Type<DB>>::compatible(ty)
            }
        }
        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $name
        where
            &'static str: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                sqlx::Encode::<'q, DB>::encode(self.code(), buf)
            }
        }
        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(
                value: <DB as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let code = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                <$name>::from_code(code)
                    .ok_or_else(|| format!("unknown code {code:?} for {}", stringify!($name)).into())
            }
        }
    )+};
}

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
