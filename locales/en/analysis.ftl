# Diagnostics of the analysis (src/analysis): English. Every message here is in
# locales/id/analysis.ftl too, with the same variables (src/msg/tests.rs).
