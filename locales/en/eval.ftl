# Answers, explanations and test outcomes of the interpreter (src/eval): English. Every message
# here is in locales/id/eval.ftl too, with the same variables (src/msg/tests.rs).
