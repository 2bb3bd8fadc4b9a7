//! The workbook's domain: people, their roles and stages, plan phases, checklists,
//! messages. Plain types and logic; nothing here reads files or the clock.

pub mod people;

pub use people::{Channel, Role, Stage};
