//! Reads that need only the region (who the caller is, the account's logging role and its
//! health, the log groups named like API Gateway's, the delivery objects, the debug sessions'
//! schedules and records), each made once per command and shared by every step that asks.
//! [`Clients::prefetch`] starts the ones a command will ask for as soon as its clients exist,
//! side by side with the look-up of its APIs: none waits for another, and none sits between the
//! plan's reads and its first write.

use super::{Clients, iam, logs, scheduler, sts};
use crate::delivery::Index;
use crate::groups::{DEFAULT_GROUP_PREFIXES, LogGroup};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::OnceCell;

/// A region-wide read a command asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Read {
    /// GetCallerIdentity.
    Identity,
    /// GetAccount, then the role it names: GetRole and ListAttachedRolePolicies.
    AccountRole,
    /// The role a plan would create or repair when the account has none healthy.
    Role(String),
    /// DescribeLogGroups for each of API Gateway's default name prefixes.
    LogGroups,
    /// The delivery sources, destinations and deliveries.
    Deliveries,
    /// The names of the session schedule group's schedules (open sessions).
    Schedules,
    /// The session records' streams (sessions not put back).
    Records,
}

/// One read, shared: the first caller makes it, the others wait for its answer. A failed read
/// is not kept, so the caller that needs it makes it again and gets its error.
type Shared<T> = OnceCell<T>;

/// Per-key reads (one role by name, ...).
type Keyed<T> = Mutex<HashMap<String, Arc<Shared<T>>>>;

#[derive(Default)]
pub struct RegionReads {
    identity: Shared<sts::Identity>,
    account_role: Shared<Option<String>>,
    roles: Keyed<Option<iam::Role>>,
    attached: Keyed<Vec<String>>,
    default_groups: [Shared<HashMap<String, LogGroup>>; 2],
    deliveries: Shared<Index>,
    schedules: Shared<Vec<String>>,
    records: Shared<Vec<String>>,
}

impl std::fmt::Debug for RegionReads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RegionReads")
    }
}

fn entry<T>(map: &Keyed<T>, key: &str) -> Arc<Shared<T>> {
    map.lock().expect("region reads lock").entry(key.to_string()).or_default().clone()
}

impl Clients {
    /// Starts `reads` in the background; the steps that need them later wait for their answers.
    pub fn prefetch(&self, reads: &[Read]) {
        for read in reads {
            let (clients, read) = (self.clone(), read.clone());
            // Best effort: a read that fails here is made again by the step that needs it.
            tokio::spawn(async move { clients.read(&read).await });
        }
    }

    async fn read(&self, read: &Read) -> anyhow::Result<()> {
        match read {
            Read::Identity => self.identity().await.map(drop),
            Read::AccountRole => match self.account_role().await? {
                Some(arn) => {
                    let name = crate::arn::role_name(&arn);
                    let (role, attached) = tokio::join!(self.role(name), self.attached_policies(name));
                    role.and(attached).map(drop)
                }
                None => Ok(()),
            },
            // Its policies only matter (and only can be listed) when it exists.
            Read::Role(name) => match self.role(name).await? {
                Some(_) => self.attached_policies(name).await.map(drop),
                None => Ok(()),
            },
            Read::LogGroups => {
                let [a, b] = DEFAULT_GROUP_PREFIXES.map(|prefix| self.find_log_group(prefix));
                let (a, b) = tokio::join!(a, b);
                a.and(b).map(drop)
            }
            Read::Deliveries => self.delivery_index().await.map(drop),
            Read::Schedules => self.session_schedules().await.map(drop),
            Read::Records => self.session_records().await.map(drop),
        }
    }

    /// Who the caller is.
    pub async fn identity(&self) -> anyhow::Result<sts::Identity> {
        self.reads.identity.get_or_try_init(|| sts::caller_identity(&self.sts)).await.cloned()
    }

    /// The ARN the region's API Gateway account sends logs with, as the run started.
    pub async fn account_role(&self) -> anyhow::Result<Option<String>> {
        self.reads.account_role.get_or_try_init(|| super::apigw::account_role(&self.apigw)).await.cloned()
    }

    /// The role of this name, as the run started.
    pub async fn role(&self, name: &str) -> anyhow::Result<Option<iam::Role>> {
        entry(&self.reads.roles, name).get_or_try_init(|| iam::get_role(&self.iam, name)).await.cloned()
    }

    /// The managed policies attached to the role of this name, as the run started.
    pub async fn attached_policies(&self, name: &str) -> anyhow::Result<Vec<String>> {
        entry(&self.reads.attached, name)
            .get_or_try_init(|| iam::attached_policies(&self.iam, name))
            .await
            .cloned()
    }

    /// The log group with exactly this name, if it exists, as the run started: groups with
    /// API Gateway's default names come from one listing per prefix, others from their own
    /// lookup.
    pub async fn find_log_group(&self, name: &str) -> anyhow::Result<Option<LogGroup>> {
        let Some(index) = DEFAULT_GROUP_PREFIXES.iter().position(|p| name.starts_with(p)) else {
            return logs::find_log_group(&self.logs, name).await;
        };
        let prefix = DEFAULT_GROUP_PREFIXES[index];
        let listed = self.reads.default_groups[index]
            .get_or_try_init(|| async {
                let groups = logs::log_groups_with_prefix(&self.logs, prefix).await?;
                Ok::<_, anyhow::Error>(groups.into_iter().map(|g| (g.name.clone(), g)).collect())
            })
            .await?;
        Ok(listed.get(name).cloned())
    }

    /// The names of the region's log groups with API Gateway's default prefixes (empty when
    /// they cannot be listed: the steps that need a group look it up again).
    pub async fn default_log_group_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        for prefix in DEFAULT_GROUP_PREFIXES {
            let _ = self.find_log_group(prefix).await;
        }
        for listed in &self.reads.default_groups {
            names.extend(listed.get().into_iter().flat_map(|groups| groups.keys().cloned()));
        }
        names
    }

    /// The region's delivery sources, destinations and deliveries, as the run started.
    pub async fn delivery_index(&self) -> anyhow::Result<&Index> {
        self.reads.deliveries.get_or_try_init(|| logs::delivery_index(&self.logs)).await
    }

    /// The names of the debug sessions' schedules, as the run started.
    pub async fn session_schedules(&self) -> anyhow::Result<Vec<String>> {
        self.reads
            .schedules
            .get_or_try_init(|| scheduler::names(&self.scheduler, crate::session::SCHEDULE_GROUP))
            .await
            .cloned()
    }

    /// The streams of the debug sessions' records, as the run started.
    pub async fn session_records(&self) -> anyhow::Result<Vec<String>> {
        self.reads
            .records
            .get_or_try_init(|| logs::log_stream_names(&self.logs, crate::session::RECORD_LOG_GROUP, None))
            .await
            .cloned()
    }
}
