//! Lambda (read only): the log group a function's logging configuration names.

use super::{Call, call_failed};

const GET_CONFIGURATION: Call =
    Call { name: "lambda:GetFunctionConfiguration", permission: "lambda:GetFunctionConfiguration" };

/// The log group `function` (a name or ARN, with its version or alias) writes to, when its
/// logging configuration names one; `None` means Lambda's default, `/aws/lambda/NAME`.
pub async fn log_group(client: &aws_sdk_lambda::Client, function: &str) -> anyhow::Result<Option<String>> {
    let configuration = client
        .get_function_configuration()
        .function_name(function)
        .send()
        .await
        .map_err(|e| call_failed(GET_CONFIGURATION, &format!("function {function}"), e))?;
    Ok(configuration.logging_config().and_then(|c| c.log_group()).map(str::to_string))
}
