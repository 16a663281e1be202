//! apigw-logs: turn on, inspect and tune logging for Amazon API Gateway stages.
//!
//! Pure logic (no AWS, no I/O): [`api`], [`arn`], [`audit`], [`format`], [`logging`],
//! [`manifest`], [`plan`], [`settings`], [`trust`]. AWS access: [`aws`]. What the commands share:
//! [`targets`] (which APIs, stages and regions), [`planner`] (checks and plans) and [`execute`]
//! (applying a plan). Commands: [`commands`].

// First: its `print!`/`println!` replace std's in every module below (a closed stdout exits 0).
#[macro_use]
pub mod stdout;

pub mod accounts;
pub mod api;
pub mod arn;
pub mod audit;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod context;
pub mod controls;
pub mod cost;
pub mod delivery;
pub mod emit;
pub mod error;
pub mod escape;
pub mod execute;
pub mod files;
pub mod follow;
pub mod format;
pub mod interrupt;
pub mod logging;
pub mod manifest;
pub mod owner;
pub mod patch;
pub mod plan;
pub mod planner;
pub mod redact;
pub mod session;
pub mod settings;
pub mod tail;
pub mod targets;
pub mod trust;
pub mod wizard;

#[cfg(test)]
mod module_graph {
    //! Lower layers must not reach up: the graph of `crate::` references between the top-level
    //! modules (a directory module counts as one) has no cycle.

    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// Each top-level module and the top-level modules its non-test, non-comment code names.
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

    /// A path of modules that leads back to its start, if the graph has one.
    fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
        fn visit(
            node: &str,
            graph: &BTreeMap<String, BTreeSet<String>>,
            path: &mut Vec<String>,
            done: &mut BTreeSet<String>,
        ) -> Option<Vec<String>> {
            if let Some(at) = path.iter().position(|p| p == node) {
                let mut cycle = path[at..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            if done.contains(node) {
                return None;
            }
            path.push(node.to_string());
            for next in &graph[node] {
                if let Some(cycle) = visit(next, graph, path, done) {
                    return Some(cycle);
                }
            }
            path.pop();
            done.insert(node.to_string());
            None
        }
        let mut done = BTreeSet::new();
        graph.keys().find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
    }

    #[test]
    fn modules_import_each_other_in_one_direction_only() {
        let graph = graph();
        assert!(
            graph["audit"].contains("controls") && graph["cli"].contains("controls"),
            "the scan reads imports"
        );
        if let Some(cycle) = find_cycle(&graph) {
            panic!("module cycle: {}", cycle.join(" -> "));
        }
    }

    #[test]
    fn a_cycle_is_found() {
        let graph: BTreeMap<String, BTreeSet<String>> = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")]
            .into_iter()
            .map(|(from, to)| (from.to_string(), BTreeSet::from([to.to_string()])))
            .collect();
        assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    }
}
