//! `stage show` and `stage set`.

use crate::api::{Api, ApiKind};
use crate::app::context::{BOLD, Ctx, YELLOW};
use crate::app::execute::{self, Target};
use crate::cli::{StageSetArgs, StageShowArgs, Targets};
use crate::delivery::StageDelivery;
use crate::error;
use crate::format;
use crate::logging::{AccessLog, Scope, StageLogging};
use crate::planner::stage::readable_deliveries;
use crate::planner::targets::{on_stages, resolve_targets};
use crate::planner::validate::{check_offline, check_region_bound, check_targets};
use crate::planner::{OpenSessions, layout, review};
use crate::settings::on_off;
use serde_json::{Value, json};

pub async fn show(ctx: &Ctx, args: &StageShowArgs) -> anyhow::Result<()> {
    let clients = ctx.clients().await?;
    let targets = Targets {
        apis: args.apis.clone(),
        stages: args.stages.clone(),
        all_stages: args.stages.is_empty(),
        all_regions: false,
    };
    let pairs = resolve_targets(ctx, &clients, &targets).await?;
    if let Some(tool) = args.emit {
        let stages: Vec<StageLogging> = pairs.iter().map(|(_, s)| s.clone()).collect();
        let owners = crate::planner::owner::owners(ctx, &clients, &pairs).await;
        let empty = crate::plan::Plan::default();
        let code = crate::planner::emitted(&clients, tool, &pairs, &stages, &empty, &owners).await?;
        return crate::planner::print_emitted(ctx, tool, &code);
    }
    let index = match pairs.iter().any(|(api, _)| api.kind == ApiKind::Rest) {
        true => readable_deliveries(ctx, &clients).await?,
        false => None,
    };
    // REST stages: `Some` list (maybe empty) when the deliveries could be read.
    let deliveries_of = |api: &Api, stage: &StageLogging| -> Option<Vec<StageDelivery>> {
        let index = index.filter(|_| api.kind == ApiKind::Rest)?;
        Some(index.for_stage(&api.id, &stage.stage_name).map(|d| d.deliveries).unwrap_or_default())
    };
    // Grouped per API, in the resolved order.
    let mut apis: Vec<(&Api, Vec<&StageLogging>)> = Vec::new();
    for (api, stage) in &pairs {
        match apis.iter_mut().find(|(a, _)| *a == api) {
            Some((_, stages)) => stages.push(stage),
            None => apis.push((api, vec![stage])),
        }
    }
    if ctx.json() {
        let listed: Vec<Value> = apis
            .iter()
            .map(|(api, stages)| {
                let stages: Vec<Value> =
                    stages.iter().map(|s| stage_json(s, deliveries_of(api, s))).collect();
                json!({ "api": api, "stages": stages })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&json!({ "region": clients.region, "apis": listed }))?);
        return Ok(());
    }
    if pairs.is_empty() {
        println!("No stages.");
    }
    for (api, stages) in &apis {
        for stage in stages {
            print_stage(api, stage, deliveries_of(api, stage));
        }
    }
    Ok(())
}

fn access_json(access: Option<&AccessLog>, kind: ApiKind) -> Value {
    access.map_or(Value::Null, |a| {
        json!({
            "destination_arn": a.destination_arn,
            "format": a.format,
            "preset": kind.matching_preset(&a.format).map(|p| p.name),
            "lint": format::lint(&a.format, kind),
        })
    })
}

fn stage_json(stage: &StageLogging, deliveries: Option<Vec<StageDelivery>>) -> Value {
    let overrides: Vec<Value> = stage
        .overrides()
        .map(|(scope, s)| {
            let mut entry = match &scope {
                Scope::Route(key) => json!({ "route": key }),
                other => json!({ "method": other.to_string() }),
            };
            entry["level"] = json!(s.level);
            entry["data_trace"] = json!(s.data_trace);
            entry["metrics"] = json!(s.metrics);
            entry
        })
        .collect();
    let wide = stage.stage_wide();
    json!({
        "stage": stage.stage_name,
        "execution": { "level": wide.level, "data_trace": wide.data_trace, "metrics": wide.metrics },
        "overrides": overrides,
        "access_log": access_json(stage.access.as_ref(), stage.kind),
        // REST stages only; null when the deliveries could not be read.
        "execution_log_deliveries": deliveries,
    })
}

fn print_stage(api: &Api, stage: &StageLogging, deliveries: Option<Vec<StageDelivery>>) {
    let kind = match api.kind {
        ApiKind::Rest => "API".to_string(),
        other => other.label().to_string(),
    };
    println!("{BOLD}{kind} {} ({}), stage {}{BOLD:#}", api.shown_name(), api.id, stage.stage_name);
    let wide = stage.stage_wide();
    match stage.kind {
        // HTTP APIs have no execution logging, only metrics.
        ApiKind::Http => println!("  detailed metrics: {}", on_off(wide.metrics)),
        _ => println!(
            "  execution logging: {}   data trace: {}   detailed metrics: {}",
            wide.level,
            on_off(wide.data_trace),
            on_off(wide.metrics)
        ),
    }
    let overrides: Vec<_> = stage.overrides().collect();
    if !overrides.is_empty() {
        println!("  {}:", if stage.kind == ApiKind::Rest { "method overrides" } else { "route overrides" });
        for (scope, s) in overrides {
            let label = match scope {
                Scope::Route(key) => key,
                other => other.to_string(),
            };
            match stage.kind {
                ApiKind::Http => println!("    {label}: metrics {}", on_off(s.metrics)),
                _ => println!(
                    "    {label}: {}, data trace {}, metrics {}",
                    s.level,
                    on_off(s.data_trace),
                    on_off(s.metrics)
                ),
            }
        }
    }
    if let Some(deliveries) = deliveries {
        print_deliveries(&deliveries);
    }
    print_access(stage.access.as_ref(), stage.kind);
}

fn print_deliveries(deliveries: &[StageDelivery]) {
    if deliveries.is_empty() {
        println!("  execution log delivery: none");
        return;
    }
    println!("  execution log delivery:");
    for delivery in deliveries {
        match (&delivery.destination, delivery.kind) {
            (Some(destination), Some(kind)) => println!(
                "    {kind}: {destination}   format: {}",
                delivery.format.as_deref().unwrap_or(crate::delivery::DEFAULT_FORMAT)
            ),
            _ => println!("    {} (the delivery destination no longer exists)", delivery.destination_arn),
        }
    }
}

fn print_access(access: Option<&AccessLog>, kind: ApiKind) {
    let Some(access) = access else {
        println!("  access logging:    off");
        return;
    };
    println!("  access logging:    {}", access.destination_arn);
    match kind.matching_preset(&access.format) {
        Some(preset) => println!("    format: {} preset", preset.name),
        None => println!("    format: {}", access.format),
    }
    for finding in format::lint(&access.format, kind).findings {
        println!("    {YELLOW}{:?}:{YELLOW:#} {}", finding.severity, finding.message);
    }
}

/// What can be checked without AWS (also before a run over accounts starts).
pub fn check_set_input(ctx: &Ctx, args: &StageSetArgs) -> anyhow::Result<()> {
    let logging = &args.logging.request();
    if logging.is_empty() {
        return Err(error::usage(
            "stage set: nothing to change; give at least one of --level, --data-trace, --metrics, --clear-method, --clear-route, --access-log-group, --access-log-destination, --access-log-format, --retention-days, --execution-log-retention-days, --no-access-log, --execution-log-destination, --no-execution-log-delivery",
        ));
    }
    check_offline(ctx, logging, args.targets.apis.api_type)?;
    check_region_bound(ctx, &args.targets, logging)
}

pub async fn set(ctx: &Ctx, args: &StageSetArgs) -> anyhow::Result<()> {
    check_set_input(ctx, args)?;
    let logging = &args.logging.request();
    let check = |targets: &[_]| check_targets(ctx, logging, targets);
    on_stages(ctx, "stage set", &args.targets, check, |clients, targets| async move {
        let identity = clients.identity().await?;
        let (planned, owners) = tokio::join!(
            crate::planner::plan_set(ctx, &clients, &identity, &targets, logging),
            crate::planner::owner::owners(ctx, &clients, &targets)
        );
        let planned = planned?;
        let needs_role = planned.iter().any(|p| p.needs_role);
        let (steps, afters): (Vec<_>, Vec<_>) = planned.into_iter().map(|p| (p.steps, p.after)).unzip();
        let (plan, units) = layout(Vec::new(), &targets, steps);
        if !crate::planner::emit_first(ctx, &clients, &args.emit, &targets, &afters, &plan, &owners).await? {
            return Ok(());
        }
        if needs_role {
            crate::planner::require_account_role(&clients).await?;
        }
        let target = Target { units, ..Target::stages("stage set", &clients.region, &targets) };
        let deliveries = vec![logging.wanted_deliveries(); targets.len()];
        let target = review(
            ctx,
            &clients,
            target,
            &targets,
            &afters,
            &plan,
            &deliveries,
            &owners,
            OpenSessions::Confirm,
        )
        .await;
        execute::run(ctx, &clients, &plan, target).await
    })
    .await
}
