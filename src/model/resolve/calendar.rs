//! The calendar of a workspace, from its top-level `holiday`, `workweek` and `calendar none`
//! (docs/language.md, "The calendar"). They may be written in any file; each file adds its
//! holidays, and the working week and `calendar none` are said once for the workspace (a
//! second one is `duplicate-name`, so that two files cannot quietly disagree).

use super::Resolver;
use crate::calendar::{Calendar, Workweek};
use crate::span::{FileId, Span};
use crate::syntax::ast::{self, Item};
use chrono::NaiveDate;

/// What the files said of the calendar so far.
#[derive(Debug, Default)]
pub(super) struct Declared {
    /// Where `calendar none` is written, if it is.
    none: Option<(FileId, Span)>,
    /// The working week and where it is written.
    workweek: Option<(Workweek, FileId, Span)>,
    /// The workspace's own holidays, in file order.
    holidays: Vec<(NaiveDate, NaiveDate, String)>,
}

impl Declared {
    /// The calendar they make: the national one unless `calendar none`, with the workspace's
    /// holidays and working week.
    pub(super) fn calendar(self) -> Calendar {
        let calendar = if self.none.is_some() {
            Calendar::none()
        } else {
            Calendar::national()
        };
        let calendar = match self.workweek {
            Some((w, _, _)) => calendar.with_workweek(w),
            None => calendar,
        };
        calendar.with_holidays(self.holidays)
    }
}

impl Resolver {
    /// Reads the calendar items of one file.
    pub(super) fn calendar_items(&mut self, file: FileId, tree: &ast::File) {
        for item in &tree.items {
            match item {
                Item::Holiday(h) => {
                    // Invalid or swapped dates are reported by the lowering.
                    if let Some((from, to)) = h.node.dates().filter(|(a, b)| a <= b) {
                        let name = h.node.name.node.trim().to_string();
                        self.calendar.holidays.push((from, to, name));
                    }
                }
                Item::Workweek(w) => {
                    if let Some((_, f, s)) = self.calendar.workweek {
                        self.duplicate(file, w.span, crate::text!("the-workweek"), (f, s));
                    } else if let (Some(first), Some(last)) = (w.node.first.node, w.node.last.node)
                    {
                        self.calendar.workweek = Some((Workweek::new(first, last), file, w.span));
                    }
                }
                Item::CalendarNone(span) => match self.calendar.none {
                    Some(first) => {
                        self.duplicate(file, *span, crate::text!("calendar-none"), first)
                    }
                    None => self.calendar.none = Some((file, *span)),
                },
                _ => {}
            }
        }
    }
}
