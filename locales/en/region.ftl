# The words of descriptions (src/region, src/calendar, shares of src/syntax/ast): who, which
# days, what share, as findings and answers name them. English. Every message here is in
# locales/id/region.ftl too, with the same variables (src/msg/tests.rs). The words of the
# language itself (`function`, `not`, `in`, `when`) come from the keyword table.

and = and
weekday-plural = { $day }s
weekday-run = { $first } to { $last }
weekdays-every-day = every day
weekdays-none = no day
dates-any = any date
dates-until = until { $to }
dates-from = from { $from }
dates-on = on { $day }
dates-between = { $from } to { $to }
weekly = { $weekdays }
weekly-until = { $weekdays } until { $to }
weekly-from = { $weekdays } from { $from }
weekly-between = { $weekdays } from { $from } to { $to }
set-in-or-other = { $k } in [{ $names }] or any other { $k }
unnamed-value = a { $dim } no circular names
any-value = any { $dim }
shares-at-most = at most { $max }
shares-at-least = at least { $min }
others-from = { $shares }, the others from { $place ->
        [anywhere] anywhere
       *[home] home
    }
# An argument shown alone (a list of circulars, a rank).
arg = { $arg }
