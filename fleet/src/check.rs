//! `check`: the fleet's catalogs together.

use crate::catalog::{Fleet, Ownership};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// One problem of the fleet as a whole.
#[derive(Debug)]
pub struct Finding {
    /// `code-reused`, `status-conflict`, `retired-reused`, `range-overlap`.
    pub kind: &'static str,
    pub code: Option<String>,
    pub services: Vec<String>,
    pub message: String,
}

pub fn check(fleet: &Fleet) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Every code in use: which services use it, with which status.
    let mut used: BTreeMap<&str, Vec<(usize, u16)>> = BTreeMap::new();
    // Where each code comes from, in each service that has it.
    let mut declared: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for (i, service) in fleet.services.iter().enumerate() {
        for code in &service.codes {
            used.entry(&code.code).or_default().push((i, code.status));
            declared
                .entry(&code.code)
                .or_default()
                .push((&code.declared_by, &service.type_name));
        }
    }
    // A code every service that has it includes from one shared type (a
    // `CommonError` composed with `#[api_error(transparent)]`) is one code.
    let shared = |code: &str| {
        let from = &declared[code];
        let first = from[0].0;
        !first.is_empty() && from.iter().all(|&(by, own)| by == first && by != own)
    };
    let owner_word = match fleet.ownership {
        Ownership::Service => "services",
        Ownership::Domain => "domains",
    };
    for (code, uses) in &used {
        let services: BTreeSet<&str> = uses
            .iter()
            .map(|&(i, _)| fleet.services[i].name.as_str())
            .collect();
        let owners: BTreeSet<&str> = uses
            .iter()
            .map(|&(i, _)| fleet.services[i].owner(fleet.ownership))
            .collect();
        if owners.len() > 1 && !shared(code) {
            let message = match fleet.ownership {
                Ownership::Service => format!(
                    "{code} is used by {} services: {}",
                    services.len(),
                    join(&services)
                ),
                Ownership::Domain => format!(
                    "{code} is used by {} {owner_word}: {} (services {})",
                    owners.len(),
                    join(&owners),
                    join(&services)
                ),
            };
            findings.push(Finding {
                kind: "code-reused",
                code: Some((*code).to_owned()),
                services: services.iter().map(|s| (*s).to_owned()).collect(),
                message,
            });
        }
        let statuses: BTreeSet<u16> = uses.iter().map(|&(_, status)| status).collect();
        if statuses.len() > 1 {
            let each: Vec<String> = uses
                .iter()
                .map(|&(i, status)| format!("{status} in {}", fleet.services[i].name))
                .collect();
            findings.push(Finding {
                kind: "status-conflict",
                code: Some((*code).to_owned()),
                services: services.iter().map(|s| (*s).to_owned()).collect(),
                message: format!(
                    "{code} has {} statuses: {}",
                    statuses.len(),
                    each.join(", ")
                ),
            });
        }
    }
    // A code some service retired, in use anywhere.
    let mut retired: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for service in &fleet.services {
        for code in &service.retired {
            retired.entry(code).or_default().insert(&service.name);
        }
    }
    for (code, retirers) in &retired {
        if let Some(uses) = used.get(code) {
            let users: BTreeSet<&str> = uses
                .iter()
                .map(|&(i, _)| fleet.services[i].name.as_str())
                .collect();
            let mut services: BTreeSet<&str> = users.clone();
            services.extend(retirers.iter().copied());
            findings.push(Finding {
                kind: "retired-reused",
                code: Some((*code).to_owned()),
                services: services.iter().map(|s| (*s).to_owned()).collect(),
                message: format!(
                    "{code} was retired by {} and is used again by {}",
                    join(retirers),
                    join(&users)
                ),
            });
        }
    }
    // Declared ranges (a type's, its categories') of different owners that
    // overlap, in one code space (`BILL-####` and `SHIP-####` number
    // different codes; a type without a pattern shares every space): sorted
    // by their low end, each compared with those that start before it ends.
    let mut ranges: Vec<(u64, u64, usize, String)> = Vec::new();
    for (i, service) in fleet.services.iter().enumerate() {
        if let Some((lo, hi)) = service.range {
            ranges.push((lo, hi, i, format!("{} {lo}-{hi}", service.name)));
        }
        for category in &service.categories {
            if let Some((lo, hi)) = category.range {
                ranges.push((
                    lo,
                    hi,
                    i,
                    format!("{} (category {}) {lo}-{hi}", service.name, category.name),
                ));
            }
        }
    }
    ranges.sort_by_key(|r| (r.0, r.1, r.2));
    let mut reported = BTreeSet::new();
    for (n, (_, hi, i, label)) in ranges.iter().enumerate() {
        for (lo2, _, j, label2) in &ranges[n + 1..] {
            if lo2 > hi {
                break;
            }
            let (a, b) = (&fleet.services[*i], &fleet.services[*j]);
            let one_space = match (a.code_space(), b.code_space()) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            if one_space
                && a.owner(fleet.ownership) != b.owner(fleet.ownership)
                && reported.insert((label.clone(), label2.clone()))
            {
                let mut services = vec![a.name.clone(), b.name.clone()];
                services.sort();
                findings.push(Finding {
                    kind: "range-overlap",
                    code: None,
                    services,
                    message: format!("declared ranges overlap: {label} and {label2}"),
                });
            }
        }
    }
    findings
}

fn join<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub fn human(fleet: &Fleet, findings: &[Finding]) -> String {
    let codes: usize = fleet.services.iter().map(|s| s.codes.len()).sum();
    let mut out = String::new();
    for finding in findings {
        out.push_str(&format!("error[{}]: {}\n", finding.kind, finding.message));
    }
    let rule = match fleet.ownership {
        Ownership::Service => "codes unique per service",
        Ownership::Domain => "codes unique per domain",
    };
    out.push_str(&format!(
        "{} services, {codes} codes ({rule}): {}\n",
        fleet.services.len(),
        match findings.len() {
            0 => "no findings".to_owned(),
            1 => "1 finding".to_owned(),
            n => format!("{n} findings"),
        }
    ));
    out
}

pub fn to_json(fleet: &Fleet, findings: &[Finding]) -> Value {
    json!({
        "services": fleet.services.len(),
        "codes": fleet.services.iter().map(|s| s.codes.len()).sum::<usize>(),
        "codes_unique_per": match fleet.ownership {
            Ownership::Service => "service",
            Ownership::Domain => "domain",
        },
        "findings": findings.iter().map(|f| json!({
            "kind": f.kind,
            "code": f.code,
            "services": f.services,
            "message": f.message,
        })).collect::<Vec<_>>(),
    })
}
