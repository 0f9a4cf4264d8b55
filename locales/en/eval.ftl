# Answers, explanations and test outcomes of the interpreter (src/eval): English. Every message
# here is in locales/id/eval.ftl too, with the same variables (src/msg/tests.rs).

# Answers ($status: `exempt` or `baseline`)
condition-always = always
summary-day-off = day off
summary-day-off-because = day off ({ $reason })
summary-conflict = conflict
summary-status = { $status ->
        [exempt] exempt
       *[baseline] baseline
    }, WFO { $wfo }
note-government-unscoped = no circular names this government in its scope

# The steps of a combination ($rules: rules as `rule-of` names them; $level: `national`,
# `provincial` or `local`)
rule-of = `{ $rule }` of { $circular }
rules-named = { $n ->
        [one] rule
       *[other] rules
    } { $rules }
lex-superior-agree = lex superior: the { $level } result (WFO { $lower }) holds within the higher norm (WFO { $higher }): together WFO { $both }
lex-superior-prevails = lex superior: the { $level } { $n ->
        [one] rule
       *[other] rules
    } { $rules } (WFO { $lower }) { $n ->
        [one] contradicts
       *[other] contradict
    } the higher norm (WFO { $higher }), which prevails
agreement = { $circular } agrees with the earlier circulars of its level (WFO { $next } and WFO { $current }): together WFO { $both }
lex-posterior = lex posterior: { $later } (signed { $signed }) prevails over the earlier { $rules } (WFO { $current })
antinomy-note = antinomy: { $earlier } (WFO { $current }) and { $later } (WFO { $next }) contradict each other; { $why ->
        [same-day] signed the same day, so lex posterior cannot decide
       *[special] the earlier is the more special, so lex specialis and lex posterior disagree
    }
conflict-note = conflict: the rules { $rules } require disjoint shares
place-anywhere = place: the others may work from anywhere ({ $rules })
place-home-within = place: the others work from home ({ $home }), within the "from anywhere" of { $anywhere }: home is within anywhere
place-full = place: WFO 100% leaves nobody out of the office, so the "from anywhere" of { $anywhere } does not arise
