//! Refusals about a run as a whole, before anything is rendered: two companies that would write
//! to one folder, and an `--fx` rate for the currency the briefs are in.

use anyhow::Result;

use super::peers::PeerSets;
use crate::diagnostic::InputError;
use crate::exit::UsageError;
use crate::input::CompanyInput;
use crate::report::peers::Rates;

/// Two companies may not write to the same folder.
pub(super) fn check_unique_slugs(companies: &[CompanyInput]) -> Result<()> {
    for (index, company) in companies.iter().enumerate() {
        if let Some(other) = companies[..index]
            .iter()
            .find(|c| c.company.slug == company.company.slug)
        {
            return Err(InputError::new(
                &company.source,
                format!(
                    "this company's folder name \"{}\" is the same as that of {} ({})",
                    company.company.slug, other.source, other.company.name
                ),
            )
            .with_help(
                "give the companies different names, or generate them into different folders",
            )
            .into());
        }
    }
    Ok(())
}

/// Refuses `--fx` with a rate for the currency every brief with peers is in: amounts in the
/// brief's own currency are never converted, and "2 USD per USD" would only mislead.
pub(super) fn own_currency_rate(
    companies: &[CompanyInput],
    peers: &PeerSets,
    rates: &Rates,
) -> Result<()> {
    let mut currencies = companies
        .iter()
        .enumerate()
        .filter(|(index, _)| peers.of_company(*index).is_some())
        .map(|(_, company)| company.company.currency.as_str());
    let Some(first) = currencies.next() else {
        return Ok(());
    };
    if currencies.all(|c| c == first) && rates.rate(first).is_some() {
        return Err(UsageError(format!(
            "--fx gives a rate for {first}, the brief's own currency: amounts in it are never \
             converted; give rates for the peers' other currencies only"
        ))
        .into());
    }
    Ok(())
}
