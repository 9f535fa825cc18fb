//! Sentences built from the questionnaire and a catalogue, natively, so that every place that
//! says them (the screens, the print, the static welcome page, the tests) says the same: why the
//! overall band is what it is, and how long the assessment is.

use crate::answers::Perspective;
use crate::i18n::{fill, Messages};
use crate::model::{Questionnaire, Scope};
use crate::scoring::{Cap, Report, Risk, TrustGate};

/// The sentences that explain why the overall band is capped or flagged, in order: each risk,
/// then the cap. Empty when nothing lowered or flagged the result.
pub fn overall_reasons(q: &Questionnaire, report: &Report, m: &Messages) -> Vec<String> {
    let locale = m.locale.code();
    let text = |t: &crate::Text| t.get(locale, &q.default_locale).to_owned();
    let band = |b: usize| text(&q.scoring.bands[b].name);
    let Some(gate) = q.scoring.trust_gate.as_ref() else {
        return Vec::new();
    };
    let section = text(&q.sections[gate.section].title);
    let o = &report.overall;
    let mut out = Vec::new();
    for risk in &o.risks {
        out.push(match *risk {
            Risk::LowTrust { percent, below } => fill(
                m.reason_low_trust,
                &[
                    ("section", &section),
                    ("percent", &m.percent(percent)),
                    ("threshold", &m.percent(below)),
                ],
            ),
            Risk::Critical { item, level } => fill(
                m.reason_critical,
                &[
                    ("level", &level.get().to_string()),
                    ("question", &text(&q.item(item).question)),
                ],
            ),
        });
    }
    if o.trust == TrustGate::NotAssessed {
        out.push(fill(
            m.reason_not_assessed,
            &[
                ("section", &section),
                ("band", &band(gate.not_assessed_cap_band)),
            ],
        ));
    }
    if let (Some(cap), Some(score), Some(uncapped)) = (o.cap, o.score, o.uncapped_band) {
        match cap {
            Cap::TrustBand => {
                let trust_band = report
                    .section(gate.section)
                    .and_then(|s| s.score)
                    .map_or(score.band, |s| s.band);
                out.push(fill(
                    m.reason_trust_band,
                    &[
                        ("band", &band(score.band)),
                        ("uncapped", &band(uncapped)),
                        ("section", &section),
                        ("trust_band", &band(trust_band)),
                    ],
                ));
            }
            Cap::AtRisk => out.push(fill(
                m.reason_at_risk_cap,
                &[("band", &band(gate.at_risk_cap_band))],
            )),
            // Already said above.
            Cap::NotAssessed => {}
        }
    }
    out
}

/// The welcome page's first fact: how many questions each side is asked within `scope` (the
/// fewest and the most) and in how many sections.
pub fn welcome_facts(q: &Questionnaire, scope: &Scope, m: &Messages) -> String {
    let counts = Perspective::ALL.map(|p| scope.side(Some(p)).item_count(q));
    let (fewest, most) = (counts.iter().min(), counts.iter().max());
    fill(
        m.welcome_facts,
        &[
            ("fewest", &m.int(fewest.copied().unwrap_or(0) as u64)),
            ("most", &m.int(most.copied().unwrap_or(0) as u64)),
            ("sections", &m.int(q.sections.len() as u64)),
        ],
    )
}
