//! `setup`: the interactive wizard. It asks (dialoguer, on stderr), then plans and applies through
//! the same code as `enable`, and prints the equivalent non-interactive command.

use crate::api::Api;
use crate::app::context::{Ctx, YELLOW};
use crate::app::execute::{self, Target, Unit};
use crate::aws::sts::Identity;
use crate::aws::{Clients, apigw, iam, logs};
use crate::cli::{ApisRef, ColorWhen, DebugStartArgs, SetupArgs, Targets};
use crate::logging::{MethodLogging, StageLogging};
use crate::planner::plan_enable;
use crate::planner::role::{NewRole, plan_account_role, plan_role, role_health};
use crate::planner::targets::{list_apis, resolve_targets};
use crate::planner::validate::check_offline;
use crate::settings::{ALL_METHODS_KEY, Level};
use crate::trust::{self, DEFAULT_ROLE_NAME, RoleHealth};
use crate::wizard::{self, Prompter, RoleChoice, Source};
use crate::{error, plan::Plan};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use std::time::Duration;

/// Runs the wizard. A user who chose to debug a stage gets back the session to start (in that
/// region), which `debug` runs: the wizard only fills in its flags.
pub async fn run(ctx: &Ctx, args: &SetupArgs) -> anyhow::Result<Option<(DebugStartArgs, String)>> {
    if !ctx.interactive() {
        return Err(error::usage_hint(
            "setup asks questions, so it needs a terminal (and no --no-input)",
            "in scripts use `apigw-logs enable --api API --stage STAGE [flags]` (the wizard prints the exact one), or `apigw-logs apply -f FILE`",
        ));
    }
    let logging = args.logging.request();
    check_offline(ctx, &logging, args.api_type)?;
    let mut prompter = Dialoguer::new(ctx);
    // Flags that answer setup questions say what the user came for.
    let goal = match logging.is_empty() && args.stages.is_empty() {
        true => wizard::ask_goal(&mut prompter)?,
        false => wizard::Goal::SetUp,
    };
    let region = match ctx.global.regions.as_slice() {
        [region] => region.clone(),
        [] => wizard::ask_region(&mut prompter, ctx.configured_region().await.as_deref())?,
        _ => return Err(error::usage("--region: setup works on one region")),
    };
    let clients = ctx.clients_in(Some(region.clone())).await?;
    let identity = clients.identity().await?;
    let source = AwsSource { ctx, clients: &clients, identity: &identity };
    if goal == wizard::Goal::Debug {
        let request =
            wizard::ask_debug(&mut prompter, &source, &region, (args.api.as_deref(), args.api_type)).await?;
        if !ctx.json() {
            println!("Equivalent command:\n  {}", wizard::equivalent_debug_command(&request));
        }
        let session = DebugStartArgs {
            api: Some(request.api.id.clone()),
            api_type: Some(request.api.kind),
            stage: Some(request.stage.clone()),
            length: crate::session::parse_length(request.length).map_err(error::usage)?,
            methods: Vec::new(),
            routes: Vec::new(),
            data_trace: request.data_trace,
            detach: false,
            utc: false,
        };
        return Ok(Some((session, region)));
    }
    let request = wizard::ask(
        &mut prompter,
        &source,
        &region,
        &identity.account,
        (args.api.as_deref(), args.api_type),
        &args.stages,
        &logging,
    )
    .await?;
    let command = wizard::equivalent_command(&request, &args.wait);

    let chosen = Targets {
        apis: ApisRef {
            apis: vec![request.api.id.clone()],
            all_apis: false,
            api_type: Some(request.api.kind),
        },
        stages: request.stages.clone(),
        all_stages: false,
        all_regions: false,
    };
    let targets = resolve_targets(ctx, &clients, &chosen).await?;
    let mut plan = Plan::default();
    if let RoleChoice::Switch { role_arn, create_default } = &request.role {
        if *create_default {
            plan.steps.extend(
                plan_role(&clients, &identity, NewRole { name: DEFAULT_ROLE_NAME, hardened: false }).await?.1,
            );
        } else {
            let health = role_health(&clients, &identity, role_arn).await?;
            if !health.is_healthy() {
                return Err(error::precondition(
                    format!("role {role_arn} cannot be used for logging: {}", health.problems.join("; ")),
                    "run setup again and pick another role",
                ));
            }
        }
        let current = apigw::account_role(&clients.apigw).await?;
        plan.steps.extend(plan_account_role(&clients, &identity, current.as_deref(), role_arn).await?);
    }
    // A switched account role is in place before the stages; otherwise `enable`'s own role chain.
    let role = matches!(request.role, RoleChoice::Keep | RoleChoice::EnableDefault)
        .then_some(NewRole { name: DEFAULT_ROLE_NAME, hardened: false });
    let (planned, owners) = tokio::join!(
        plan_enable(ctx, &clients, &identity, &targets, &request.logging, role),
        crate::planner::owner::owners(ctx, &clients, &targets)
    );
    let (enable_plan, units, afters) = planned?;
    if !crate::planner::emit_first(ctx, &clients, &args.emit, &targets, &afters, &enable_plan, &owners)
        .await?
    {
        println!("Equivalent command:\n  {command}");
        return Ok(None);
    }
    let cost = crate::planner::cost::estimate(
        ctx,
        &clients,
        &targets,
        &afters,
        &enable_plan,
        &vec![request.logging.wanted_deliveries(); targets.len()],
    )
    .await;
    let offset = plan.steps.len();
    plan.steps.extend(enable_plan.steps);

    let mut target = Target {
        wait: Duration::from_secs(args.wait.seconds),
        units: units
            .into_iter()
            .map(|u| Unit { steps: u.steps.start + offset..u.steps.end + offset, ..u })
            .collect(),
        question: Some(format!("Apply these changes in {region}?")),
        cost: Some(cost),
        summary: Some(format!("Equivalent command:\n  {command}")),
        ..Target::stages("setup", &clients.region, &targets)
    };
    target.result["command"] = command.clone().into();
    target.result["owners"] = crate::planner::owner::warn_verdicts(ctx, &targets, &afters, &owners);
    let applied = execute::run(ctx, &clients, &plan, target).await;
    // Declined at "Apply?": the answers are not lost, they are this command.
    let declined = applied.as_ref().is_err_and(|e| error::exit_code(e) == error::Exit::Cancelled)
        && !crate::app::interrupt::apply_started();
    if (ctx.dry_run() || declined) && !ctx.json() {
        println!("Equivalent command:\n  {command}");
    }
    applied.map(|()| None)
}

/// The wizard's view of AWS in the chosen region.
struct AwsSource<'a> {
    ctx: &'a Ctx,
    clients: &'a Clients,
    identity: &'a Identity,
}

impl Source for AwsSource<'_> {
    async fn execution_costs(&self, api: &Api, stages: &[String]) -> Option<[String; 3]> {
        let chosen: Vec<(Api, StageLogging)> = crate::aws::stages(self.clients, api)
            .await
            .ok()?
            .into_iter()
            .filter(|s| stages.contains(&s.stage_name))
            .map(|s| (api.clone(), s))
            .collect();
        let mut costs = Vec::new();
        for level in [Level::Off, Level::Error, Level::Info] {
            let afters: Vec<StageLogging> = chosen
                .iter()
                .map(|(_, stage)| {
                    let mut after = stage.clone();
                    after.methods.entry(ALL_METHODS_KEY.to_string()).or_insert(MethodLogging::OFF).level =
                        level;
                    after
                })
                .collect();
            let report = crate::planner::cost::estimate(
                self.ctx,
                self.clients,
                &chosen,
                &afters,
                &Plan::default(),
                &[],
            )
            .await;
            if report.stages.iter().any(|s| s.after.is_none()) {
                return None;
            }
            costs.push(format!("≈ {} USD/month", crate::cost::usd(report.after_usd)));
        }
        costs.try_into().ok()
    }

    async fn account_role(&self) -> anyhow::Result<Option<RoleHealth>> {
        match apigw::account_role(&self.clients.apigw).await? {
            Some(arn) => Ok(Some(role_health(self.clients, self.identity, &arn).await?)),
            None => Ok(None),
        }
    }

    async fn logging_roles(&self) -> anyhow::Result<Vec<String>> {
        let policy = trust::managed_policy_arn(&self.identity.partition);
        let mut healthy = Vec::new();
        for role in iam::list_roles(&self.clients.iam).await? {
            if trust::check_trust(&role.trust_policy, &self.identity.account).is_ok()
                && iam::attached_policies(&self.clients.iam, &role.name).await?.contains(&policy)
            {
                healthy.push(role.arn);
            }
        }
        Ok(healthy)
    }

    async fn apis(&self) -> anyhow::Result<Vec<Api>> {
        list_apis(self.ctx, self.clients, None).await
    }

    async fn stages(&self, api: &Api) -> anyhow::Result<Vec<StageLogging>> {
        crate::aws::stages(self.clients, api).await
    }

    async fn log_groups(&self) -> anyhow::Result<Vec<String>> {
        Ok(logs::log_groups_with_prefix(&self.clients.logs, "").await?.into_iter().map(|g| g.name).collect())
    }
}

/// Prompts on stderr with dialoguer; Esc cancels (exit 130).
struct Dialoguer {
    theme: Box<dyn Theme>,
}

impl Dialoguer {
    fn new(ctx: &Ctx) -> Dialoguer {
        let plain = ctx.global.color == ColorWhen::Never
            || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Dialoguer { theme: if plain { Box::new(SimpleTheme) } else { Box::new(ColorfulTheme::default()) } }
    }
}

fn answered<T>(answer: dialoguer::Result<Option<T>>) -> anyhow::Result<T> {
    answer?.ok_or_else(error::cancelled)
}

impl Prompter for Dialoguer {
    fn select(&mut self, prompt: &str, items: &[String], default: usize) -> anyhow::Result<usize> {
        answered(
            dialoguer::Select::with_theme(self.theme.as_ref())
                .with_prompt(prompt)
                .items(items)
                .default(default)
                .max_length(12)
                .interact_opt(),
        )
    }

    fn fuzzy_select(&mut self, prompt: &str, items: &[String]) -> anyhow::Result<usize> {
        answered(
            dialoguer::FuzzySelect::with_theme(self.theme.as_ref())
                .with_prompt(prompt)
                .items(items)
                .default(0)
                .max_length(12)
                .interact_opt(),
        )
    }

    fn multi_select(
        &mut self,
        prompt: &str,
        items: &[String],
        checked: &[bool],
    ) -> anyhow::Result<Vec<usize>> {
        answered(
            dialoguer::MultiSelect::with_theme(self.theme.as_ref())
                .with_prompt(prompt)
                .items(items)
                .defaults(checked)
                .max_length(12)
                .interact_opt(),
        )
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> anyhow::Result<bool> {
        answered(
            dialoguer::Confirm::with_theme(self.theme.as_ref())
                .with_prompt(prompt)
                .default(default)
                .interact_opt(),
        )
    }

    fn input(&mut self, prompt: &str) -> anyhow::Result<String> {
        Ok(dialoguer::Input::<String>::with_theme(self.theme.as_ref()).with_prompt(prompt).interact_text()?)
    }

    fn say(&mut self, text: &str) {
        match text.strip_prefix("warning: ") {
            Some(warning) => eprintln!("{YELLOW}warning:{YELLOW:#} {warning}"),
            None => eprintln!("{text}"),
        }
    }
}
