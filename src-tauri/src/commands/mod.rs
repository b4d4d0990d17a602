//! The commands the UI may call (each granted in `capabilities/main.json`), one module per
//! screen. Each parses its input, makes one call to a crate and maps the error; the rules of
//! the proceedings live in `heyat-core` and `heyat-store`, the documents in
//! `heyat-documents`.

pub mod auth;
pub mod batch;
pub mod case_file;
pub mod complaints;
pub mod desk;
pub mod diagnostics;
pub mod docket;
pub mod evidence;
pub mod files;
pub mod hearing;
pub mod packages;
pub mod reports;
pub mod rulings;
pub mod service;
pub mod settings;
pub mod start;
pub mod summons;
