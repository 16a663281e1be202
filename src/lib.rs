//! apigw-logs: turn on, inspect and tune logging for Amazon API Gateway stages.
//!
//! The model and every decision made from it are the pure crate `apigw-logs-core`, re-exported
//! here so that `crate::api`, `crate::plan`, ... read the same in both crates. This crate reads
//! and writes AWS: [`cli`] (clap types, turned into the core's requests), [`commands`] (one module
//! per command), [`planner`] (plans from AWS state), [`aws`] (thin functions per service),
//! [`app`] (what commands share at run time: the context, the plan → apply path, targets,
//! accounts, interrupts, output, files, following logs) and [`wizard`] (the `setup` questions).

pub use apigw_logs_core::{
    access, api, arn, audit, choice, controls, cost, delivery, emit, error, escape, finding, format, groups,
    insights, logging, manifest, owner, patch, plan, redact, regions, request, session, settings, silence,
    summary, tail, trace, trust,
};

// First: its `print!`/`println!` (in `app::stdout`) replace std's in every module below.
#[macro_use]
pub mod app;

pub mod aws;
pub mod cli;
pub mod commands;
pub mod planner;
pub mod wizard;

#[cfg(test)]
mod module_graph {
    //! The layers of this crate, each a folder: a layer names only the layers below it. (The
    //! core crate's purity needs no test: it does not depend on this crate, the SDK, tokio or
    //! clap, so it cannot use them.)

    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// Each layer and the layers it may name.
    const LAYERS: &[(&str, &[&str])] = &[
        ("aws", &[]),
        ("cli", &[]),
        ("app", &["aws", "cli"]),
        ("planner", &["app", "aws", "cli"]),
        ("wizard", &["app", "aws", "cli", "planner"]),
        ("commands", &["app", "aws", "cli", "planner", "wizard"]),
    ];

    /// Each top-level module (a folder counts as one) and the top-level modules its non-test,
    /// non-comment code names through `crate::`.
    fn graph() -> BTreeMap<String, BTreeSet<String>> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        let mut dirs = vec![src.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for file in files {
            let relative = file.strip_prefix(&src).unwrap();
            let first = relative.components().next().unwrap().as_os_str().to_str().unwrap();
            let module = first.trim_end_matches(".rs").to_string();
            if module == "lib" || module == "main" {
                continue;
            }
            let text = std::fs::read_to_string(&file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap();
            let deps = graph.entry(module.clone()).or_default();
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (at, _) in line.match_indices("crate::") {
                    let rest = &line[at + "crate::".len()..];
                    let names: Vec<&str> = match rest.strip_prefix('{') {
                        Some(group) => group.split('}').next().unwrap().split(',').collect(),
                        None => vec![rest],
                    };
                    for name in names {
                        let name: String = name
                            .trim()
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .collect();
                        if !name.is_empty() && name != module {
                            deps.insert(name);
                        }
                    }
                }
            }
        }
        let modules: BTreeSet<String> = graph.keys().cloned().collect();
        for deps in graph.values_mut() {
            deps.retain(|d| modules.contains(d));
        }
        graph
    }

    /// The names a layer uses that it may not: `(layer, named)`.
    fn violations(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<(String, String)> {
        let mut wrong = Vec::new();
        for (layer, deps) in graph {
            let allowed = LAYERS.iter().find(|(name, _)| name == layer).map_or(&[][..], |(_, a)| *a);
            wrong.extend(
                deps.iter().filter(|d| !allowed.contains(&d.as_str())).map(|d| (layer.clone(), d.clone())),
            );
        }
        wrong
    }

    #[test]
    fn each_layer_names_only_the_layers_below_it() {
        let graph = graph();
        let layers: BTreeSet<&str> = LAYERS.iter().map(|(name, _)| *name).collect();
        let found: BTreeSet<&str> = graph.keys().map(String::as_str).collect();
        assert_eq!(found, layers, "every folder of src/ is a layer of the table");
        assert!(
            graph["commands"].contains("planner") && graph["planner"].contains("app"),
            "the scan reads imports"
        );
        assert_eq!(violations(&graph), Vec::<(String, String)>::new());
    }

    #[test]
    fn a_layer_naming_one_above_it_is_found() {
        let graph: BTreeMap<String, BTreeSet<String>> = [("app", "planner"), ("planner", "aws")]
            .into_iter()
            .map(|(from, to)| (from.to_string(), BTreeSet::from([to.to_string()])))
            .collect();
        assert_eq!(violations(&graph), [("app".to_string(), "planner".to_string())]);
    }
}
