//! Who the caller is: the account (for ARNs and trust conditions) and the partition.

use super::{Call, call_failed};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub account: String,
    pub partition: String,
}

const GET_CALLER_IDENTITY: Call = Call { name: "sts:GetCallerIdentity", permission: "sts:GetCallerIdentity" };

pub async fn caller_identity(client: &aws_sdk_sts::Client) -> anyhow::Result<Identity> {
    let out = client
        .get_caller_identity()
        .send()
        .await
        .map_err(|e| call_failed(GET_CALLER_IDENTITY, "caller identity", e))?;
    let account = out.account().unwrap_or_default().to_string();
    // arn:PARTITION:sts::ACCOUNT:...
    let partition = out.arn().and_then(|arn| arn.split(':').nth(1)).unwrap_or("aws").to_string();
    Ok(Identity { account, partition })
}
