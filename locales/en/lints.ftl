# Diagnostics of the lints (src/lints): English. Every message here is in
# locales/id/lints.ftl too, with the same variables (src/msg/tests.rs).
# Names and dates (YYYY-MM-DD) are arguments, shown as they are written; $circular is
# `circular-named` or `this-circular` of model.ftl.

# retroactive
retroactive = { $circular } is signed on { $signed }, { $days } { $days ->
        [one] day
       *[other] days
    } after its first valid day { $from }
retroactive-label = signed here
retroactive-first-day = first valid day
retroactive-help = correct the signing date, or start the validity on { $signed } or later
retroactive-witness = in force on { $from }, before it was signed on { $signed }

# revokes-unknown
revokes-unknown = `{ $name }` is not a circular of this workspace
revokes-unknown-label = revoked here
revokes-unknown-help = correct the number, or add the revoked circular's file to the workspace

# rule-outside-validity
rule-outside-validity = the `during` period of rule `{ $rule }` is not inside the validity of { $circular }
rule-outside-validity-valid = valid { $runs }
rule-outside-validity-help = move the period inside the validity, or extend the validity
outside-before = { $day } is before the validity starts on { $first }
outside-after = { $day } is after the validity ends on { $last }
outside-between = { $day } is between the windows of the validity

# overlapping-sectors
sectors-same-unit = `{ $unit }` is in both sectors `{ $first }` and `{ $second }`
sectors-same-unit-help = keep `{ $unit }` in one sector: remove it from `{ $second }` or from `{ $first }`
sectors-part-of = `{ $unit }` in sector `{ $second }` is part of `{ $other }`, in sector `{ $first }`
sectors-holds = `{ $unit }` in sector `{ $second }` holds `{ $other }`, in sector `{ $first }`
sectors-nested-help = keep each unit in one sector; if `{ $child }` is to differ from `{ $parent }`, give it a rule of its own (`unit "{ $child }"`) with `overrides` instead of a second sector
sectors-in = in `{ $sector }`

# override-cycle
override-self = rule `{ $rule }` overrides itself
override-cycle = rules { $rules } override each other in a cycle
override-edge = `{ $rule }` overrides `{ $other }`
override-self-help = a rule cannot be more special than itself: remove `{ $rule }` from its `overrides`
override-cycle-help = `overrides` says which rule is more special: keep it only on the more specific rule

# near-duplicate-name ($noun: `unit`, `place`, `government`, `function`, `condition`, `trait`;
# $how: `underscores`, `case`, `one` or `two` letters)
near-duplicate = the { $noun } names `{ $later }` and `{ $first }` differ { $how ->
        [underscores] only by underscores
        [case] only by case, spacing or punctuation
        [one] only by one letter
       *[two] only by two letters
    }
near-duplicate-first = `{ $name }` is written here
near-duplicate-help = edaran compares names exactly, so these are two different { $noun }s: if they are one { $noun }, spell it the same way everywhere

# invisible-character ($named: the character's name; $a: `a` or `an`)
invisible-many = the name `{ $value }` holds { $n } invisible characters, the first { $a } { $named }
invisible-unseen = the name `{ $value }` holds { $a } { $named }, which cannot be seen
invisible-one = the name `{ $value }` holds { $a } { $named }
invisible-delete-help = delete { $n ->
        [one] it
       *[other] them
    }: until then edaran reads the name as `{ $read }`, but other programs and searches do not
invisible-tab-help = write a space instead: edaran compares the name with the tab, so it matches no name written with a space
invisible-character-help = delete it: edaran compares the name with the character, so it matches no name written without it

# period-mismatch ($unit: `day`, `week`, `month`, `working-day`; $said, $days, $counted, $got:
# durations as written in parentheses)
duration = { $n } { $unit ->
        [day] { $n ->
            [one] day
           *[other] days
        }
        [week] { $n ->
            [one] week
           *[other] weeks
        }
        [month] { $n ->
            [one] month
           *[other] months
        }
       *[working-day] { $n ->
            [one] working day
           *[other] working days
        }
    }
period-ends = `({ $said })` from { $from } ends on { $end }, but the validity ends on { $to }
period-does-not-fit = `({ $said })` does not fit the validity { $from } to { $to }, which has { $days }
period-claims = claims { $said }
period-dates-give = the dates give { $days }
period-end-on-help = end the validity on { $end }, or write `({ $days })`
period-write-help = write `({ $days })`
period-dates-are = { $from } to { $to } are
period-date-is = { $day } is
period-after-claim = { $which } in the validity but after the claimed { $said }
period-after-validity = { $which } in the claimed { $said } but after the validity
windows-end = `({ $said })` from { $first } ends on { $end }, but the last window ends on { $last }
windows-do-not-fit = `({ $said })` does not fit the validity from { $first } to { $last }
windows-end-help = end the last window on { $end }, or count the days: the windows have { $counted } in all (over { $span }), `({ $counted })`
windows-count-help = the windows have { $counted } in all (over { $span }): write `({ $counted })`
windows-do-not-match = `({ $said })` does not match the validity, whose windows have { $counted } in all
windows-sum-help = the windows have { $sum } days: write `({ $counted })`, or correct a window
working-days-do-not-match = `({ $said })` does not match the validity { $first } to { $last }, which has { $got }
working-days-help = write `({ $got })`, or correct the dates
working-days-off-help = write `({ $got })`, or correct the dates; the days off on weekdays of the working week are { $off }
working-days-no-calendar = the national calendar shipped with edaran has no holidays for { $year }: only weekends and the workspace's own holidays were counted
