//! AWS Organizations: the accounts `--all-accounts` runs in, and an account's OUs (for `apply`
//! entries scoped by `ou`).

use super::{Call, call_failed};
use aws_sdk_organizations::types::{AccountState, AccountStatus};

const LIST_ACCOUNTS: Call =
    Call { name: "organizations:ListAccounts", permission: "organizations:ListAccounts" };
const LIST_PARENTS: Call =
    Call { name: "organizations:ListParents", permission: "organizations:ListParents" };

/// A member account: id (text, ids may start with 0) and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub name: String,
}

/// Every ACTIVE account of the organization (all pages of ListAccounts, 20 a page, AWS's maximum).
/// `State` is read, and `Status` (retired by AWS on 2026-09-09) only when `State` is absent.
pub async fn active_accounts(client: &aws_sdk_organizations::Client) -> anyhow::Result<Vec<Member>> {
    let mut members = Vec::new();
    let mut pages = client.list_accounts().max_results(20).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| call_failed(LIST_ACCOUNTS, "the organization's accounts", e))?;
        for account in page.accounts() {
            #[allow(deprecated)]
            let active = match account.state() {
                Some(state) => *state == AccountState::Active,
                None => account.status() == Some(&AccountStatus::Active),
            };
            if let (true, Some(id)) = (active, account.id()) {
                members.push(Member {
                    id: id.to_string(),
                    name: account.name().unwrap_or_default().to_string(),
                });
            }
        }
    }
    Ok(members)
}

/// The OUs above an account, nearest first, up to the root (one ListParents per level).
pub async fn organizational_units(
    client: &aws_sdk_organizations::Client,
    account: &str,
) -> anyhow::Result<Vec<String>> {
    let mut units = Vec::new();
    let mut child = account.to_string();
    loop {
        let parents = client
            .list_parents()
            .child_id(&child)
            .send()
            .await
            .map_err(|e| call_failed(LIST_PARENTS, &format!("account {account}"), e))?;
        let Some(parent) = parents.parents().first() else { return Ok(units) };
        let id = parent.id().unwrap_or_default().to_string();
        if parent.r#type() != Some(&aws_sdk_organizations::types::ParentType::OrganizationalUnit) {
            return Ok(units);
        }
        units.push(id.clone());
        child = id;
    }
}

#[cfg(test)]
mod sdk_tests {
    use super::*;
    use aws_sdk_organizations::Client;
    use aws_sdk_organizations::operation::list_accounts::ListAccountsOutput;
    use aws_sdk_organizations::types::Account;
    use aws_smithy_mocks::{RuleMode, mock, mock_client};

    fn account(id: &str, state: AccountState) -> Account {
        Account::builder().id(id).name(format!("n{id}")).state(state).build()
    }

    #[tokio::test]
    async fn every_page_is_read_and_only_active_accounts_kept() {
        let pages = mock!(Client::list_accounts)
            .match_requests(|r| r.max_results() == Some(20))
            .sequence()
            .output(|| {
                ListAccountsOutput::builder()
                    .accounts(account("011111111111", AccountState::Active))
                    .accounts(account("022222222222", AccountState::Suspended))
                    .next_token("page-2")
                    .build()
            })
            .output(|| ListAccountsOutput::builder().next_token("page-3").build())
            .output(|| {
                ListAccountsOutput::builder()
                    .accounts(account("033333333333", AccountState::Active))
                    .accounts(account("044444444444", AccountState::PendingClosure))
                    .build()
            })
            .build();
        let client = mock_client!(aws_sdk_organizations, RuleMode::MatchAny, [&pages]);
        let members = active_accounts(&client).await.unwrap();
        let ids: Vec<&str> = members.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["011111111111", "033333333333"], "an empty page with a token is followed");
        assert_eq!(pages.num_calls(), 3);
        assert_eq!(members[0].name, "n011111111111");
    }
}
