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
