//! clap's own words in the help (`Usage:`, `Options:`, `Print help`, ...) in Indonesian. In
//! English clap writes them itself, with their styles; in Indonesian they are put in place once
//! clap has built the command, with its generated `--help`, `--version` and `help`.

use clap::Command;

/// `cmd`, built, with clap's words in the language of the run (Indonesian only: English is
/// clap's).
pub fn in_indonesian(mut cmd: Command) -> Command {
    cmd.build();
    words(cmd)
}

fn words(cmd: Command) -> Command {
    let (arguments, options) = (tr!("clap-arguments"), tr!("clap-options"));
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        tr!("clap-usage")
    );
    let cmd = if cmd.get_name() == "help" {
        cmd.about(tr!("clap-help-command"))
    } else {
        cmd
    };
    cmd.help_template(template)
        .subcommand_help_heading(tr!("clap-commands"))
        .mut_args(|arg| {
            let arg = match arg.get_id().as_str() {
                "help" if arg.get_long_help().is_some() => arg
                    .help(tr!("clap-help-short"))
                    .long_help(tr!("clap-help-long")),
                "help" => arg.help(tr!("clap-help")),
                "version" => arg.help(tr!("clap-version")),
                _ => arg,
            };
            let heading = if arg.is_positional() {
                &arguments
            } else {
                &options
            };
            arg.help_heading(heading.clone())
        })
        .mut_subcommands(words)
}
