//! The migrations between questionnaire versions: a chain that ends at this version, whose
//! renamed, split and added ids exist in it.

use super::checks::Checker;
use super::raw::RawMigration;
use crate::model::{Migration, Section};

/// Migrations must form a chain `1 -> 2 -> ... -> version`, each step one version, and the last
/// step's renamed and added ids must exist in this version.
pub(super) fn validate_migrations(
    c: &mut Checker,
    raw: Vec<RawMigration>,
    version: u32,
    sections: &[Section],
) -> Vec<Migration> {
    let exists = |id: &str| sections.iter().any(|s| s.items.iter().any(|i| i.id == id));
    let count = raw.len();
    let mut out = Vec::new();
    for (n, m) in raw.into_iter().enumerate() {
        let p = format!("migrations[{n}]");
        if m.to != m.from + 1 {
            c.err(
                &p,
                format!(
                    "must go from one version to the next, not {} to {}",
                    m.from, m.to
                ),
            );
        }
        if let Some(prev) = out.last().map(|x: &Migration| x.to) {
            if m.from != prev {
                c.err(
                    format!("{p}.from"),
                    format!("expected {prev}, the version the previous migration ends at"),
                );
            }
        }
        if n + 1 == count {
            if m.to != version {
                c.err(
                    format!("{p}.to"),
                    format!("the last migration must end at this version ({version})"),
                );
            }
            for (old, new) in &m.renamed {
                if !exists(new) {
                    c.err(
                        format!("{p}.renamed.{old}"),
                        format!("no item has the id \"{new}\""),
                    );
                }
            }
            for (old, parts) in &m.split {
                if parts.len() < 2 {
                    c.err(
                        format!("{p}.split.{old}"),
                        "a split needs at least two new ids",
                    );
                }
                for new in parts.iter().filter(|id| !exists(id)) {
                    c.err(
                        format!("{p}.split.{old}"),
                        format!("no item has the id \"{new}\""),
                    );
                }
            }
            for id in &m.added {
                if !exists(id) {
                    c.err(format!("{p}.added"), format!("no item has the id \"{id}\""));
                }
            }
            for id in &m.removed {
                if exists(id) {
                    c.err(
                        format!("{p}.removed"),
                        format!("\"{id}\" still exists in this version"),
                    );
                }
            }
        }
        out.push(Migration {
            from: m.from,
            to: m.to,
            renamed: m.renamed.into_iter().collect(),
            split: m.split.into_iter().collect(),
            removed: m.removed,
            added: m.added,
        });
    }
    out
}
