//! Why a plan's target can never be reached, decided from the recurrence's limit.

use super::course::Course;
use super::words::people;

impl Course {
    /// Why the target can never be reached, decided from the recurrence's limit rather than by
    /// watching floats creep towards it.
    pub(super) fn unreachable(&self) -> Option<String> {
        if self.grows() {
            return self.growth_unreachable();
        }
        if self.start <= self.target {
            return None;
        }
        match self.steady_state() {
            None if self.hires_per_year > 0.0 => Some(format!(
                "with no attrition, hiring {} a year only adds people",
                people(self.hires_per_year)
            )),
            None => Some(format!(
                "with no attrition and no hires, headcount stays at {}",
                people(self.start)
            )),
            Some(limit) if limit >= self.target && self.hires_per_year == 0.0 => Some(format!(
                "attrition alone shrinks headcount towards 0 but never to {}",
                people(self.target)
            )),
            Some(limit) if limit >= self.target => Some(format!(
                "hiring {} a year at {} attrition holds headcount near {}, at or above the \
                 target of {}",
                people(self.hires_per_year),
                crate::format::pct(self.annual_attrition * 100.0, false),
                people(limit.round()),
                people(self.target)
            )),
            Some(_) => None,
        }
    }

    /// Whether the target is above today's headcount: a plan that grows the team by hiring.
    pub(super) fn grows(&self) -> bool {
        self.target > self.start
    }

    /// Why a target above today's headcount is never reached: hires must outrun attrition.
    pub(super) fn growth_unreachable(&self) -> Option<String> {
        match self.steady_state() {
            None if self.hires_per_year > 0.0 => None,
            None => Some(format!(
                "the target of {} is above today's {}, and with no attrition and no hires \
                 headcount stays where it is",
                people(self.target),
                people(self.start)
            )),
            Some(_) if self.hires_per_year == 0.0 => Some(format!(
                "the target of {} is above today's {}, and with no hires attrition only shrinks \
                 headcount",
                people(self.target),
                people(self.start)
            )),
            Some(limit) if limit < self.target => Some(format!(
                "the target of {} is above today's {}: hiring {} a year at {} attrition \
                 settles headcount near {}, below the target",
                people(self.target),
                people(self.start),
                people(self.hires_per_year),
                crate::format::pct(self.annual_attrition * 100.0, false),
                people(limit.round())
            )),
            Some(_) => None,
        }
    }
}
