//! KMS (read only): a key's policy, to tell whether CloudWatch Logs may use the key.

use super::{Call, call_failed};

const GET_KEY_POLICY: Call = Call { name: "kms:GetKeyPolicy", permission: "kms:GetKeyPolicy" };

/// The key's (default) policy document.
pub async fn key_policy(client: &aws_sdk_kms::Client, key_id: &str) -> anyhow::Result<String> {
    let out = client
        .get_key_policy()
        .key_id(key_id)
        .policy_name("default")
        .send()
        .await
        .map_err(|e| call_failed(GET_KEY_POLICY, &format!("key {key_id}"), e))?;
    Ok(out.policy().unwrap_or_default().to_string())
}
